package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Wrong passwords against the real engine over real HTTP: they cannot lock an account for more than a few seconds,
 * and an address that keeps failing is answered 429 on every login path before any password is checked. The
 * engine's own login settings are the shipped ones; only the address allowance is made small (3 failures, one back
 * every 10 s) and the engine's clock is moved instead of waiting out its delays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:nurture-login-throttle;DB_CLOSE_DELAY=-1",
        "nurture.inbox.smtp-port=0",
        "camunda.bpm.job-execution.enabled=false", // nothing runs on its own while the engine's clock is moved
        "nurture.security.login-throttle.failures=3",
        "nurture.security.login-throttle.period=PT30S" })
@DirtiesContext // one engine per JVM
class LoginThrottleIT {

    private static final int ALLOWANCE = 3;
    private static final long SECONDS_PER_FAILURE_BACK = 10;
    /** The longest per-user delay promised in application.yaml (login-delay-max-time). */
    private static final Duration LONGEST_USER_DELAY = Duration.ofSeconds(4);
    /** Any authenticated user may count process definitions, whatever its groups. */
    private static final String ENGINE_REST = "/engine-rest/process-definition/count";
    private static final String API = "/api/contacts?email=nobody@example.com";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

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

    @Test
    void theApiAnswers429AfterTheAllowanceWithoutCheckingThePassword() {
        String victim = newUser();
        ClientAt attacker = newClient();
        for (int failure = 1; failure <= ALLOWANCE; failure++) {
            assertThat(attacker.basic(API, "nobody" + failure, "wrong").statusCode()).isEqualTo(401);
        }

        assertRefused(attacker.basic(API, "demo", "demo"));
        assertRefused(attacker.basic(API, victim, "wrong"));
        assertThat(user(victim).getAttempts()).as("no password was checked").isZero();
        assertThat(user(victim).getLockExpirationTime()).isNull();

        ClientAt colleague = newClient();
        assertThat(colleague.basic(API, "demo", "demo").statusCode()).isEqualTo(200);
        assertThat(colleague.basic(API, "nobody", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void theEngineRestApiAnswers429AfterTheAllowanceWithoutCheckingThePassword() {
        String victim = newUser();
        ClientAt attacker = newClient();
        for (int failure = 1; failure <= ALLOWANCE; failure++) {
            assertThat(attacker.basic(ENGINE_REST, "nobody" + failure, "wrong").statusCode()).isEqualTo(401);
        }

        assertRefused(attacker.basic(ENGINE_REST, victim, victim));
        assertRefused(attacker.basic(ENGINE_REST, victim, "wrong"));
        assertThat(user(victim).getAttempts()).as("no password was checked").isZero();

        assertThat(newClient().basic(ENGINE_REST, victim, victim).statusCode()).isEqualTo(200);
    }

    @Test
    void theTasklistLoginAnswers429AfterTheAllowance() {
        ClientAt attacker = newClient();
        for (int failure = 1; failure <= ALLOWANCE; failure++) {
            assertThat(attacker.tasklistLogin("nobody" + failure, "wrong").statusCode()).isEqualTo(401);
        }

        assertRefused(attacker.tasklistLogin("sdr", "sdr"));

        HttpResponse<String> colleague = newClient().tasklistLogin("sdr", "sdr");
        assertThat(colleague.statusCode()).as(colleague.body()).isEqualTo(200);
    }

    @Test
    void theDashboardLoginAnswers429AfterTheAllowance() {
        ClientAt attacker = newClient();
        for (int failure = 1; failure <= ALLOWANCE; failure++) {
            assertThat(attacker.dashboardLogin("nobody" + failure, "wrong").statusCode()).isEqualTo(401);
        }

        assertRefused(attacker.dashboardLogin("marketer", "marketer"));

        HttpResponse<String> colleague = newClient().dashboardLogin("marketer", "marketer");
        assertThat(colleague.statusCode()).isEqualTo(302);
        assertThat(colleague.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/dashboard"));
    }

    @Test
    void aLoggedInUserCannotGuessAnotherUsersPasswordThroughIdentityVerify() {
        String victim = newUser();
        letSdrRead(victim); // as where users may see each other, e.g. for Tasklist's user picker
        ClientAt insider = newClient();
        for (int guess = 1; guess <= ALLOWANCE; guess++) {
            HttpResponse<String> verified = insider.verify("sdr", victim, "guess" + guess);
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            assertThat(json(verified).get("authenticated").asBoolean()).isFalse();
        }
        int attemptsBefore = user(victim).getAttempts();

        assertRefused(insider.verify("sdr", victim, "guess"));
        assertThat(user(victim).getAttempts()).isEqualTo(attemptsBefore);
        HttpResponse<String> colleague = newClient().verify("sdr", victim, "guess");
        assertThat(colleague.statusCode()).as("another address is not refused").isEqualTo(200);
    }

    @Test
    void successesNeitherUseNorRestoreTheAllowance() {
        String insider = newUser();
        ClientAt client = newClient();
        for (int success = 1; success <= 2 * ALLOWANCE; success++) {
            assertThat(client.basic(ENGINE_REST, insider, insider).statusCode()).isEqualTo(200);
        }
        for (int failure = 1; failure < ALLOWANCE; failure++) {
            assertThat(client.basic(ENGINE_REST, "nobody" + failure, "wrong").statusCode()).isEqualTo(401);
        }
        assertThat(client.basic(ENGINE_REST, insider, insider).statusCode()).isEqualTo(200);
        assertThat(client.basic(ENGINE_REST, "nobody", "wrong").statusCode()).isEqualTo(401);

        assertRefused(client.basic(ENGINE_REST, insider, insider));
    }

    @Test
    void theAllowanceComesBackGraduallyAfterRetryAfter() throws InterruptedException {
        String user = newUser();
        ClientAt client = newClient();
        for (int failure = 1; failure <= ALLOWANCE; failure++) {
            assertThat(client.basic(ENGINE_REST, "nobody" + failure, "wrong").statusCode()).isEqualTo(401);
        }
        long retryAfter = assertRefused(client.basic(ENGINE_REST, user, user));

        Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(200).toMillis());

        assertThat(client.basic(ENGINE_REST, user, user).statusCode()).isEqualTo(200);
        assertThat(client.basic(ENGINE_REST, "nobody", "wrong").statusCode())
                .as("one failure came back").isEqualTo(401);
        assertRefused(client.basic(ENGINE_REST, user, user));
    }

    @Test
    void wrongPasswordsSentInParallelAreAllAnswered401AndAllCount() throws Exception {
        String victim = newUser();
        ClientAt attacker = newClient();

        List<Integer> statuses = inParallel(12, () -> attacker.basic(ENGINE_REST, victim, "guess").statusCode());

        assertThat(statuses).as("no 5xx from the engine's concurrent lock updates").allMatch(
                status -> status == 401 || status == 429);
        long failures = statuses.stream().filter(status -> status == 401).count();
        long retryAfter = assertRefused(attacker.basic(ENGINE_REST, victim, victim), Long.MAX_VALUE);
        assertThat(retryAfter).as("%d failures all count: those beyond the allowance are waited off", failures)
                .isGreaterThan((failures - ALLOWANCE) * SECONDS_PER_FAILURE_BACK - SECONDS_PER_FAILURE_BACK);
    }

    @Test
    void anIntegrationMaySendAsManyRequestsInParallelAsItLikes() throws Exception {
        String integration = newUser();
        ClientAt server = newClient();
        assertThat(server.basic(ENGINE_REST, "nobody", "wrong").statusCode()).isEqualTo(401);

        List<Integer> statuses = inParallel(12, () -> server.basic(ENGINE_REST, integration, integration).statusCode());

        assertThat(statuses).containsOnly(200);
    }

    /** Asserts a throttled answer and returns its Retry-After in seconds. */
    private static long assertRefused(HttpResponse<String> response) {
        return assertRefused(response, SECONDS_PER_FAILURE_BACK);
    }

    private static long assertRefused(HttpResponse<String> response, long longestRetryAfter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).contains("failed logins from your address");
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, longestRetryAfter);
        return retryAfter;
    }

    /** Runs the attempt that many times at once and returns the answers. */
    private static List<Integer> inParallel(int times, Callable<Integer> attempt) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }

    /** A client at an address no other test uses (TEST-NET-3, none of Tomcat's internal proxies). */
    private ClientAt newClient() {
        int host = ADDRESSES.incrementAndGet();
        assertThat(host).as("addresses left in 203.0.113.0/24").isLessThan(255);
        return new ClientAt(port, "203.0.113." + host);
    }

    /** A user of its own whose password equals its id, so no other test's wrong passwords delay it. */
    private String newUser() {
        String id = "user" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword(id);
        identity.saveUser(user);
        return id;
    }

    private void letSdrRead(String user) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("sdr");
        grant.setResource(Resources.USER);
        grant.setResourceId(user);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
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

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + response.body(), e);
        }
    }
}
