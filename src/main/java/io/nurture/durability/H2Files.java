package io.nurture.durability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/** What Nurture needs to know of an H2 database that this process keeps in a file of its own. */
final class H2Files {

    static final String WRITE_DELAY = "WRITE_DELAY";

    private H2Files() {
    }

    /** An embedded H2 file: not {@code mem:}, not a read-only {@code zip:}, not behind an H2 server. */
    static boolean isEmbeddedFile(String url) {
        if (!isEmbedded(url)) {
            return false;
        }
        String database = url.toLowerCase(Locale.ROOT).substring("jdbc:h2:".length());
        return !database.startsWith("mem:") && !database.startsWith("zip:");
    }

    /** H2 in this process (a file, {@code mem:} or {@code zip:}), not behind an H2 server. */
    static boolean isEmbedded(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
    }

    /** Whether the URL sets {@code setting} itself (H2 reads {@code ;NAME=value} after the database). */
    static boolean names(String url, String setting) {
        return Arrays.stream(url.split(";")).skip(1)
                .anyMatch(part -> part.split("=", 2)[0].trim().equalsIgnoreCase(setting));
    }

    /** Whether H2 writes each commit to the file before the commit returns (no write delay in effect). */
    static boolean writesEveryCommit(Connection connection) throws SQLException {
        List<String> delays = writeDelays(connection);
        return !delays.isEmpty() && delays.stream().allMatch("0"::equals);
    }

    /** H2 lists the stored setting and the one in effect under the same name. */
    static List<String> writeDelays(Connection connection) throws SQLException {
        List<String> delays = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = '" + WRITE_DELAY + "'")) {
            while (rows.next()) {
                delays.add(rows.getString(1));
            }
        }
        return delays;
    }

    /** The open database behind a connection to an embedded H2 file (H2's engine API, not JDBC). */
    static Database database(Connection connection) throws SQLException {
        return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase();
    }
}
