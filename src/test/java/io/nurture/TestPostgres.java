package io.nurture;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

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
        requireReachable(suite);
        emptySchema();
    }

    /** Skips the suite (fails it in CI) when the database cannot be reached. */
    public static void requireReachable(String suite) {
        try (Connection connection = connect()) {
            connection.isValid(5);
        } catch (SQLException unreachable) {
            String message = "PostgreSQL at " + URL + " is unreachable: " + unreachable.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI must test PostgreSQL)");
            }
            Assumptions.abort(message + " - skipping " + suite);
        }
    }

    private static void emptySchema() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot empty the public schema of " + URL, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "postgres", "");
    }

    /** For {@link OnPostgres}: skips or fails the suite before anything starts when the database is not there. */
    static final class Required implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            requireReachable(context.getRequiredTestClass().getSimpleName());
        }
    }

    /**
     * For {@link OnPostgres}: points the context at this database and empties its schema as the context starts, once
     * for all the suites that share the context (a suite that emptied it later would pull it from under the others).
     */
    static final class FreshSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            emptySchema();
            TestPropertyValues.of("spring.datasource.url=" + URL).applyTo(context);
        }
    }
}
