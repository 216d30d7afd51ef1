package io.nurture.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zaxxer.hikari.HikariDataSource;

import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * The database goes away under a running Nurture (its H2 server stops taking connections) and comes back: meanwhile
 * readiness is 503 and liveness 200, and a scrape still answers, without the gauges it could not read. With
 * {@code nurture.metrics.public=true} the scrape takes no login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nurture.inbox.smtp-port=0",
        "camunda.bpm.job-execution.enabled=false",
        "nurture.metrics.gauge-cache=0s",
        // a user's password is checked in the database: open, a scrape needs none
        "nurture.metrics.public=true",
        // a connection that cannot be had is given up after a second, not Hikari's 30
        "spring.datasource.hikari.connection-timeout=1000" })
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class DatabaseOutageIT {

    private static final int DATABASE_PORT = freePort();
    private static Server database = start();

    @LocalServerPort
    int port;

    @Autowired
    HikariDataSource pool;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url",
                () -> "jdbc:h2:tcp://127.0.0.1:" + DATABASE_PORT + "/mem:nurture-outage;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stopDatabase() {
        database.stop();
    }

    @Test
    void withoutItsDatabaseNurtureIsAliveButNotReadyAndStillAnswersAScrape() {
        NurtureClient api = new NurtureClient(port);
        assertThat(api.post("/api/events", "{\"type\": \"page_view\", \"anonymousId\": \"outage\"}", "integration")
                .status()).isEqualTo(202);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(scrape(api).names()).contains("nurture_contacts", "nurture_jobs_executable");

        database.stop();
        try {
            assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(503);
            assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            Scrape duringOutage = scrape(api);
            assertThat(duringOutage.names()).as("the counters and the JVM's metrics")
                    .contains("nurture_events_ingested_total", "jvm_memory_used_bytes")
                    .doesNotContain("nurture_contacts", "nurture_jobs_executable", "nurture_incidents_open");
        } finally {
            database = start();
        }
        // what Hikari does itself when it next validates them (it skips that for half a second after a use): the
        // connections the outage broke are replaced
        pool.getHikariPoolMXBean().softEvictConnections();

        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(scrape(api).names()).contains("nurture_contacts");
    }

    private static Scrape scrape(NurtureClient api) {
        Response response = api.get("/actuator/prometheus", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Scrape.of(response.body());
    }

    private static Server start() {
        try {
            return Server.createTcpServer("-tcpPort", String.valueOf(DATABASE_PORT), "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
