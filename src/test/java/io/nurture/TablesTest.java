package io.nurture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.autoconfigure.json.AutoConfigureJson;
import org.springframework.context.annotation.Import;

import io.nurture.channel.DeliveryLog;
import io.nurture.contact.ContactRepository;
import io.nurture.event.EventStore;

/**
 * A JDBC slice: Nurture's repositories on an embedded H2 that the Flyway migrations built, without engine or web.
 * One context for every suite with this annotation; each test rolls back unless it says otherwise, and uses ids of
 * its own. The same SQL on PostgreSQL runs in the {@link OnPostgres} integration suites.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@JdbcTest
@AutoConfigureJson
@Import({ ContactRepository.class, EventStore.class, DeliveryLog.class })
public @interface TablesTest {
}
