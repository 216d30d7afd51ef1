package io.nurture;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same integration suite on the real PostgreSQL at 127.0.0.1:5432 (database {@code test}, whose public schema it
 * empties first), with the {@code postgres} profile and the built-in SMTP inbox. In CI an unreachable database fails
 * the build; on a laptop without PostgreSQL the suite is skipped with a message.
 */
@ActiveProfiles("postgres")
public class PostgresNurtureIT extends AbstractNurtureIT {

    public static final String URL = System.getProperty("nurture.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");

    /** Also used by the feature suites that run a second time on PostgreSQL. */
    @BeforeAll
    public static void freshDatabase() {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException unreachable) {
            String message = "PostgreSQL at " + URL + " is unreachable: " + unreachable.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI must test PostgreSQL)");
            }
            Assumptions.abort(message + " - skipping the PostgreSQL suite");
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("nurture.inbox.smtp-port", () -> 0);
    }

    @Override
    List<SentMail> mailsTo(String address) {
        var inbox = api.get("/api/inbox", "demo").json();
        return StreamSupport.stream(inbox.spliterator(), false)
                .filter(mail -> mail.get("to").asText().contains(address))
                .map(mail -> new SentMail(mail.get("to").asText(), mail.get("subject").asText(),
                        mail.get("text").asText().trim(), mail.get("html").asText(), mail.get("messageId").asText()))
                .toList();
    }
}
