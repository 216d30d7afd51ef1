package io.nurture.ingestion;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import io.nurture.TestPostgres;

/** On the machine's PostgreSQL ({@code -Dnurture.test.postgres.url}), with the postgres profile. */
class CrashDurabilityPostgresIT extends AbstractCrashDurabilityIT {

    @BeforeEach
    void freshDatabase() {
        TestPostgres.freshDatabase(getClass().getSimpleName());
    }

    @Override
    List<String> databaseArguments() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + TestPostgres.URL,
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
    }
}
