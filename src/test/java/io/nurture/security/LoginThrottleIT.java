package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Wrong passwords against the real engine over real HTTP cannot lock an account for more than a few seconds. The
 * engine's own login settings are the shipped ones; its clock is moved instead of waiting out its delays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:nurture-login-throttle;DB_CLOSE_DELAY=-1",
        "nurture.inbox.smtp-port=0",
        "camunda.bpm.job-execution.enabled=false" }) // nothing runs on its own while the engine's clock is moved
@DirtiesContext // one engine per JVM
class LoginThrottleIT {

    /** The longest per-user delay promised in application.yaml (login-delay-max-time). */
    private static final Duration LONGEST_USER_DELAY = Duration.ofSeconds(4);
    /** Any authenticated user may count process definitions, whatever its groups. */
    private static final String ENGINE_REST = "/engine-rest/process-definition/count";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    private Date engineNow;

    @AfterEach
    void restoreClockAndAccounts() {
        ClockUtil.reset();
        identity.unlockUser("demo");
        identity.unlockUser("sales");
    }

    @Test
    void moreThanTenFailuresSpacedPastTheDelaysDoNotLockAnAccount() {
        freezeEngineClock();
        for (int failure = 1; failure <= 12; failure++) {
            // from ever new addresses, as an attacker with many would, so only the engine's own settings count
            assertThat(newClient().basic(ENGINE_REST, "sales", "guess" + failure).statusCode()).isEqualTo(401);
            assertThat(user("sales").getAttempts())
                    .as("failure %d was checked by the engine: the account is not locked for good", failure)
                    .isEqualTo(failure);
            advanceEngineClock(Duration.ofSeconds(61)); // past Camunda's longest delay (60 s)
        }

        assertThat(newClient().basic(ENGINE_REST, "sales", "sales").statusCode()).isEqualTo(200);
        assertThat(user("sales").getAttempts()).isZero();
    }

    @Test
    void theAdminIsNeverLockedForLongerThanTheShortDelay() {
        freezeEngineClock();
        for (int failure = 1; failure <= 20; failure++) {
            assertThat(newClient().basic(ENGINE_REST, "demo", "guess" + failure).statusCode()).isEqualTo(401);
            assertThat(user("demo").getAttempts())
                    .as("failure %d came %s after the last one and was checked: no longer delay", failure,
                            LONGEST_USER_DELAY)
                    .isEqualTo(failure);
            advanceEngineClock(LONGEST_USER_DELAY);
        }
        assertThat(newClient().basic(ENGINE_REST, "demo", "guess").statusCode()).isEqualTo(401);
        assertThat(newClient().tasklistLogin("demo", "demo").statusCode())
                .as("right after a failure the account waits out its short delay").isEqualTo(401);

        advanceEngineClock(LONGEST_USER_DELAY);

        HttpResponse<String> login = newClient().tasklistLogin("demo", "demo");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    /** A client at an address no other test uses (TEST-NET-3, none of Tomcat's internal proxies). */
    private ClientAt newClient() {
        int host = ADDRESSES.incrementAndGet();
        assertThat(host).as("addresses left in 203.0.113.0/24").isLessThan(255);
        return new ClientAt(port, "203.0.113." + host);
    }


    private UserEntity user(String id) {
        return (UserEntity) identity.createUserQuery().userId(id).singleResult();
    }

    private void freezeEngineClock() {
        engineNow = new Date();
        ClockUtil.setCurrentTime(engineNow);
    }

    private void advanceEngineClock(Duration by) {
        engineNow = new Date(engineNow.getTime() + by.toMillis());
        ClockUtil.setCurrentTime(engineNow);
    }

}
