package io.nurture.lifecycle;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nurture.TestPostgres;

/**
 * The lifecycle suite on the real PostgreSQL ({@code -Dnurture.test.postgres.url}, default database {@code test}),
 * in a freshly emptied public schema, skipped or failed like {@link PostgresNurtureIT}. Safe next to it in one JVM:
 * each suite recreates the schema first and closes its context (and job executor) when done.
 */
@ActiveProfiles("postgres")
class PostgresLifecycleIT extends AbstractLifecycleIT {

    @BeforeAll
    static void freshSchema() {
        TestPostgres.freshDatabase("the lifecycle suite on PostgreSQL");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.URL);
    }
}
