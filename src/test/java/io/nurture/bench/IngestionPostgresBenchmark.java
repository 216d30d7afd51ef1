package io.nurture.bench;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

import io.nurture.OnPostgres;

/** {@link IngestionScenarios} on the machine's PostgreSQL, its public schema emptied first. */
@Tag("benchmark")
@OnPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nurture.inbox.smtp-port=0", "nurture.demo.enabled=false", IngestionScenarios.PROPERTIES })
class IngestionPostgresBenchmark extends IngestionScenarios {

    /**
     * The statistics autovacuum keeps: it analyses a table within a minute of it growing by a tenth, but the tables
     * of this run are created empty seconds before, and plans made for empty tables scan them whole.
     */
    @Override
    void afterWarmUp() {
        jdbc.sql("ANALYZE").update();
    }

    @Override
    String footnote() {
        return "database size " + jdbc.sql("SELECT pg_size_pretty(pg_database_size(current_database()))")
                .query(String.class).single();
    }
}
