package io.nurture.reporting;

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
 * The reports on the real PostgreSQL ({@code -Dnurture.test.postgres.url}, default database {@code test}), whose
 * public schema it empties first, like {@code PostgresNurtureIT}.
 */
@ActiveProfiles("postgres")
class PostgresReportsIT extends AbstractReportsIT {

    static final String URL = System.getProperty("nurture.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");

    @BeforeAll
    static void freshDatabase() {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException unreachable) {
            String message = "PostgreSQL at " + URL + " is unreachable: " + unreachable.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI must test PostgreSQL)");
            }
            Assumptions.abort(message + " - skipping the PostgreSQL reports");
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }
}
