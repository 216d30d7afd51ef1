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

    @Override
    String database() {
        return "PostgreSQL";
    }
}
