package io.nurture;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * The machine's PostgreSQL for the suites that run on it: {@code -Dnurture.test.postgres.url}, default database
 * {@code test}. In CI an unreachable database fails the build; on a laptop without it the suite is skipped.
 */
public final class TestPostgres {

    public static final String URL = System.getProperty("nurture.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");

    private TestPostgres() {
    }

    /** Empties the database's public schema, so Flyway and Camunda start from nothing. */
    public static void freshDatabase(String suite) {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException unreachable) {
            String message = "PostgreSQL at " + URL + " is unreachable: " + unreachable.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI must test PostgreSQL)");
            }
            Assumptions.abort(message + " - skipping " + suite);
        }
    }
}
