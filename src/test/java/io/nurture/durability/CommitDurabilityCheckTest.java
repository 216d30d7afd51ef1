package io.nurture.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.nurture.TestPostgres;

class CommitDurabilityCheckTest {

    @TempDir
    Path data;

    @Test
    void warnsAboutAnH2FileThatWritesCommitsLater() {
        assertThat(risks("jdbc:h2:file:" + data.resolve("late"), "sa")).singleElement().asString()
                .contains("WRITE_DELAY=", "500", "answered 202");
        assertThat(risks("jdbc:h2:file:" + data.resolve("later") + ";WRITE_DELAY=2000", "sa")).singleElement()
                .asString().contains("2000");
    }

    @Test
    void isQuietAboutAnH2FileWithoutWriteDelayAndAboutMemory() {
        assertThat(risks("jdbc:h2:file:" + data.resolve("durable") + ";WRITE_DELAY=0", "sa")).isEmpty();
        assertThat(risks("jdbc:h2:mem:check-" + System.nanoTime(), "sa")).isEmpty();
    }

    @Test
    void warnsAboutPostgresWithSynchronousCommitOff() {
        assertThat(risks(TestPostgres.URL, "postgres")).isEmpty();
        String withoutSynchronousCommit = TestPostgres.URL + (TestPostgres.URL.contains("?") ? "&" : "?")
                + "options=-c%20synchronous_commit=off";
        assertThat(risks(withoutSynchronousCommit, "postgres")).singleElement().asString()
                .contains("synchronous_commit is off");
    }

    private static List<String> risks(String url, String user) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, "");
        if (url.startsWith("jdbc:postgresql:")) {
            try (Connection reachable = dataSource.getConnection()) {
                // the machine's PostgreSQL is there
            } catch (SQLException unreachable) {
                String message = "PostgreSQL at " + url + " is unreachable: " + unreachable.getMessage();
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail(message + " (CI must test PostgreSQL)");
                }
                Assumptions.abort(message);
            }
        }
        return new CommitDurabilityCheck(dataSource).risks();
    }
}
