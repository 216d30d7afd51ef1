package io.nurture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole app on a random port with its built-in SMTP inbox ({@code /api/inbox}), the job executor running and the
 * demo users, on an in-memory H2 database. Every suite with this annotation runs in one shared application context, so
 * each works with contacts of its own and leaves the engine as it found it ({@code @DirtiesContext} would start the
 * context again for the next suite). {@link OnPostgres} runs a suite in the same way on PostgreSQL. The foreign keys to
 * {@code contact} run without their cascade ({@link ForeignKeysWithoutCascade}): a module that leaves a contact's rows
 * behind on a merge or an erasure fails here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:nurture-inbox;DB_CLOSE_DELAY=-1",
        "nurture.inbox.smtp-port=0",
        // every suite here sends from the loopback address: their wrong write keys together must not reach 429
        // (security.WriteKeyThrottleIT tests the throttle in a context of its own)
        "nurture.security.write-key-throttle.failures=100000",
        "nurture.privacy.hash-key=" + InboxAppTest.PRIVACY_HASH_KEY,
        "nurture.sources.website.write-key=" + InboxAppTest.WEBSITE_WRITE_KEY,
        "nurture.sources.website.allowed-origins=" + InboxAppTest.WEBSITE_ORIGIN })
@Import(ForeignKeysWithoutCascade.class)
public @interface InboxAppTest {

    /** What the erasure audit and the suppressed addresses are hashed with here. */
    String PRIVACY_HASH_KEY = "erasure-test-hash-key";

    /** The write key of the source {@code website}, whose pages are at {@link #WEBSITE_ORIGIN}. */
    String WEBSITE_WRITE_KEY = "website-test-write-key";
    String WEBSITE_ORIGIN = "https://www.shop.test";
}
