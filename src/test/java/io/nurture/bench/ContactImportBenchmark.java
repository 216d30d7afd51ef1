package io.nurture.bench;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ContactImportScenarios} on a new H2 file, the database {@code ./mvnw spring-boot:run} uses. */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nurture.inbox.smtp-port=0", "nurture.demo.enabled=false" })
class ContactImportBenchmark extends ContactImportScenarios {

    private static final String FILE = "./target/bench/import-" + System.currentTimeMillis();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // -Dbench.h2.settings=";CACHE_SIZE=16384" measures with settings of one's own (Nurture adds none a URL names)
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + FILE + ";DB_CLOSE_ON_EXIT=FALSE"
                + System.getProperty("bench.h2.settings", ""));
    }

    @Override
    String database() {
        return "H2 (file)";
    }
}
