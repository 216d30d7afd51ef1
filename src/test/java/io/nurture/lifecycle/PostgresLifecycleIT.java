package io.nurture.lifecycle;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lifecycle suite on the real PostgreSQL ({@code -Dnurture.test.postgres.url}, default database {@code test}),
 * in a freshly emptied public schema. Safe next to {@code PostgresNurtureIT} in one JVM: each suite recreates the
 * schema first and closes its context (and job executor) when done.
 */
@ActiveProfiles("postgres")
class PostgresLifecycleIT extends AbstractLifecycleIT {

    static final String URL = System.getProperty("nurture.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");

    @BeforeAll
    static void freshSchema() {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException unreachable) {
            String message = "PostgreSQL at " + URL + " is unreachable: " + unreachable.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI must test PostgreSQL)");
            }
            Assumptions.abort(message + " - skipping the PostgreSQL lifecycle suite");
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }
}
