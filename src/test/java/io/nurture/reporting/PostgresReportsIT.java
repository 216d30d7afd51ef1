package io.nurture.reporting;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nurture.TestPostgres;

/** The reports on the real PostgreSQL, whose public schema it empties first, like {@code PostgresNurtureIT}. */
@ActiveProfiles("postgres")
class PostgresReportsIT extends AbstractReportsIT {

    @BeforeAll
    static void freshDatabase() {
        TestPostgres.freshDatabase("the PostgreSQL reports");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.URL);
    }
}
