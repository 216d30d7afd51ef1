package io.nurture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole app on a random port with its built-in SMTP inbox and the demo users, but the job executor off: nothing
 * runs unless a test makes it run, so row counts taken before and after a request hold still. On an in-memory H2
 * database; every suite with this annotation runs in one shared application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:nurture-jobs-off;DB_CLOSE_DELAY=-1",
        "nurture.inbox.smtp-port=0",
        // every suite here sends from the loopback address: their wrong write keys together must not reach 429
        // (security.WriteKeyThrottleIT tests the throttle in a context of its own)
        "nurture.security.write-key-throttle.failures=100000",
        "camunda.bpm.job-execution.enabled=false",
        // the metrics suite reads the database gauges right after each change, not up to 10 s later
        "nurture.metrics.gauge-cache=0s",
        // the malformed-input suite signs click links and names an off-list cart host
        "nurture.tracking.base-url=http://track.test", "nurture.tracking.link-hosts=nurture.example,*.shop.example" })
// with the Prometheus registry as in production (a test context has only an in-memory one otherwise)
@AutoConfigureObservability(tracing = false)
public @interface JobsOffAppTest {
}
