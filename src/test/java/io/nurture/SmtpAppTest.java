package io.nurture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port sending its mail to a real SMTP server set by {@code spring.mail.*}
 * ({@link TestSmtp}), the job executor running and the demo users, on an in-memory H2 database. Every suite with this
 * annotation runs in one shared application context, so each works with contacts of its own. {@link OnPostgres} runs
 * a suite in the same way on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:nurture-smtp;DB_CLOSE_DELAY=-1",
        // every suite here sends from the loopback address: their wrong write keys together must not reach 429
        // (security.WriteKeyThrottleIT tests the throttle in a context of its own)
        "nurture.security.write-key-throttle.failures=100000",
        // timers are fired at once in the campaign suite, so a week's mails come within seconds
        "nurture.channels.frequency-cap.max=100",
        // the shop whose carts the cart reminders link to
        "nurture.tracking.link-hosts=nurture.example,shop.example",
        // the tracking suite follows the links in the mails it gets
        "nurture.tracking.base-url=http://track.test", "nurture.tracking.secret=tracking-test-secret" })
@ContextConfiguration(initializers = TestSmtp.class)
public @interface SmtpAppTest {
}
