package io.nurture.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class H2FileHousekeepingTest {

    private static final int TRANSACTIONS = 2000;

    @TempDir
    Path data;

    @Test
    void keepsAnH2FileWithoutWriteDelayFromGrowingWithEveryCommit() throws Exception {
        long untended = fileSizeAfterWorkload("untended", false);
        long tended = fileSizeAfterWorkload("tended", true);
        assertThat(tended).as("bytes with housekeeping, without: %d", untended).isLessThan(untended / 2);
    }

    @Test
    void runsOnlyForAnEmbeddedH2FileWithoutWriteDelay() {
        assertThat(startedOn("jdbc:h2:file:" + data.resolve("durable") + ";WRITE_DELAY=0")).isTrue();
        assertThat(startedOn("jdbc:h2:file:" + data.resolve("delayed"))).as("H2's own writer does it").isFalse();
        assertThat(startedOn("jdbc:h2:mem:housekeeping-" + System.nanoTime())).isFalse();
    }

    /**
     * Each commit rewrites a hot row and adds one, the way job and event tables change. RETENTION_TIME=0 lets H2
     * reuse freed space at once instead of after 45 seconds, so the difference shows within the test.
     */
    private long fileSizeAfterWorkload(String name, boolean housekeeping) throws SQLException, IOException {
        Path file = data.resolve(name);
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:file:" + file + ";WRITE_DELAY=0;RETENTION_TIME=0", "sa", "", true);
        H2FileHousekeeping housekeeper = new H2FileHousekeeping(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE event (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload VARCHAR(400))");
            ddl.execute("CREATE TABLE job (id INT PRIMARY KEY, rev INT)");
            ddl.execute("INSERT INTO job SELECT X, 0 FROM SYSTEM_RANGE(1, 100)");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event (payload) VALUES (?)");
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE job SET rev = rev + 1 WHERE id = ?")) {
                for (int i = 0; i < TRANSACTIONS; i++) {
                    insert.setString(1, "x".repeat(300));
                    insert.executeUpdate();
                    update.setInt(1, 1 + i % 100);
                    update.executeUpdate();
                    connection.commit();
                    if (housekeeping && i % 50 == 0) {
                        housekeeper.compact();
                    }
                }
            }
            return Files.size(data.resolve(name + ".mv.db"));
        } finally {
            dataSource.destroy();
        }
    }

    private static boolean startedOn(String url) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        H2FileHousekeeping housekeeper = new H2FileHousekeeping(dataSource);
        try {
            housekeeper.start();
            return housekeeper.isRunning();
        } finally {
            housekeeper.stop();
            dataSource.destroy();
        }
    }
}
