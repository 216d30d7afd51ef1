package io.nurture.contact;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nurture.TestPostgres;

/** The erasure suite again on the real PostgreSQL. */
@ActiveProfiles("postgres")
class ContactErasurePostgresIT extends ContactErasureIT {

    @BeforeAll
    static void freshDatabase() {
        TestPostgres.freshDatabase("the erasure suite on PostgreSQL");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.URL);
    }
}
