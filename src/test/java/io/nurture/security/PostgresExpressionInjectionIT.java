package io.nurture.security;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nurture.TestPostgres;

/**
 * The expression-injection suite on the real PostgreSQL ({@code -Dnurture.test.postgres.url}), in a freshly emptied
 * public schema, skipped or failed like the other PostgreSQL suites.
 */
@ActiveProfiles("postgres")
class PostgresExpressionInjectionIT extends AbstractExpressionInjectionIT {

    @BeforeAll
    static void freshSchema() {
        TestPostgres.freshDatabase("the expression-injection suite on PostgreSQL");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.URL);
    }
}
