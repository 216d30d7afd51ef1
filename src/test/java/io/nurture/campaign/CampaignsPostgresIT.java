package io.nurture.campaign;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nurture.TestPostgres;

/** The campaign suite again on the real PostgreSQL (its queries: dormant contacts, dates, A/B results). */
@ActiveProfiles("postgres")
class CampaignsPostgresIT extends CampaignsIT {

    @BeforeAll
    static void freshDatabase() {
        TestPostgres.freshDatabase("the campaign suite on PostgreSQL");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.URL);
    }
}
