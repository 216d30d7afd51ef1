package io.nurture.bench;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

import io.nurture.OnPostgres;

/** {@link ContactImportScenarios} on the machine's PostgreSQL, its public schema emptied first. */
@Tag("benchmark")
@OnPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nurture.inbox.smtp-port=0", "nurture.demo.enabled=false" })
class ContactImportPostgresBenchmark extends ContactImportScenarios {

    /**
     * The statistics autovacuum keeps (it analyses a table within a minute of it growing by a tenth): without them,
     * where autovacuum is off (this machine's PostgreSQL, 2026-12-08), the import's look-up of a chunk's e-mails
     * became a scan of every contact, seconds a chunk.
     */
    @Override
    void afterImport() {
        jdbc.sql("ANALYZE").update();
    }

    @Override
    String database() {
        return "PostgreSQL";
    }
}
