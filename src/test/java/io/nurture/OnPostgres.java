package io.nurture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a {@code @SpringBootTest} suite on the machine's PostgreSQL ({@link TestPostgres}) with the {@code postgres}
 * profile instead of H2. Its public schema is emptied when the context starts, once for all suites that share the
 * context. In CI an unreachable database fails the suite; elsewhere the suite is skipped with a message.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = TestPostgres.FreshSchema.class)
@ExtendWith(TestPostgres.Required.class)
public @interface OnPostgres {
}
