package io.nurture.durability;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A 202 from Nurture means the event is committed, and a commit must survive a crash. Before the server takes
 * requests this warns about each database setting that breaks that: an embedded H2 file with {@code WRITE_DELAY} above
 * 0 (set on purpose in the URL, or through a data source of one's own), PostgreSQL with {@code synchronous_commit} or
 * {@code fsync} off. A warning, not a refused start: these are the database owner's choices, and PostgreSQL's lose
 * commits only when the database server itself crashes.
 */
@Component
class CommitDurabilityCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CommitDurabilityCheck.class);

    private final DataSource dataSource;

    CommitDurabilityCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        risks().forEach(log::warn);
    }

    List<String> risks() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            return switch (database.getDatabaseProductName()) {
                case "H2" -> H2Files.isEmbeddedFile(database.getURL()) ? h2Risks(connection) : List.of();
                case "PostgreSQL" -> postgresRisks(connection);
                default -> List.of();
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's commit settings: " + e.getMessage(), e);
        }
    }

    private static List<String> h2Risks(Connection connection) throws SQLException {
        if (H2Files.writesEveryCommit(connection)) {
            return List.of();
        }
        return List.of("H2 writes commits to its file up to " + H2Files.WRITE_DELAY + "="
                + String.join("/", H2Files.writeDelays(connection)) + " ms after they return: a crash in that time"
                + " loses events already answered 202 and forgets mails already sent (they would go out again)."
                + " Leave " + H2Files.WRITE_DELAY + " out of spring.datasource.url or set it to 0.");
    }

    private static List<String> postgresRisks(Connection connection) throws SQLException {
        List<String> risks = new ArrayList<>();
        if ("off".equals(values(connection, "SHOW synchronous_commit").get(0))) {
            risks.add("PostgreSQL's synchronous_commit is off: a crash of the database server loses the commits of"
                    + " its last moments (events already answered 202, mails already sent). Set it to on, e.g."
                    + " ALTER DATABASE <name> SET synchronous_commit = on.");
        }
        if ("off".equals(values(connection, "SHOW fsync").get(0))) {
            risks.add("PostgreSQL's fsync is off: a crash of the database host can lose or corrupt committed data."
                    + " Turn fsync on in postgresql.conf.");
        }
        return risks;
    }

    private static List<String> values(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
