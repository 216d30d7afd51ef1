package io.nurture.tracking;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nurture.TestPostgres;

/** The tracking suite again on the real PostgreSQL. */
@ActiveProfiles("postgres")
class TrackingPostgresIT extends TrackingIT {

    @BeforeAll
    static void freshDatabase() {
        TestPostgres.freshDatabase("the tracking suite on PostgreSQL");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.URL);
    }
}
