package io.nurture.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's queues, read straight from its runtime tables with one grouped query each (the engine's query API
 * would take a query per process definition). Every deployed process definition key is listed, with 0 when it has
 * nothing, so its series do not come and go.
 */
@Component
class EngineQueues {

    static final String EXECUTABLE = "executable";
    static final String OLDEST_DUE = "oldestDueEpochMilli";

    private final JdbcClient jdbc;
    private final Clock clock;

    EngineQueues(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /**
     * Jobs the executor may run now (due, retries left, not suspended; running ones included) and when the oldest of
     * them became due; a job without a due date is due since it was made.
     */
    Map<String, Long> executableJobs() {
        Map<String, Long> jobs = new HashMap<>();
        jdbc.sql("""
                SELECT COUNT(*), MIN(COALESCE(DUEDATE_, CREATE_TIME_)) FROM ACT_RU_JOB
                WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)""")
                .param(Timestamp.from(clock.instant()))
                .query(rs -> {
                    jobs.put(EXECUTABLE, rs.getLong(1));
                    Timestamp oldest = rs.getTimestamp(2);
                    if (oldest != null) {
                        jobs.put(OLDEST_DUE, oldest.toInstant().toEpochMilli());
                    }
                });
        return jobs;
    }

    /** Open incidents (a job out of retries, a failed external task…) by process definition key. */
    Map<String, Long> openIncidents() {
        return byKey("""
                SELECT d.KEY_, COUNT(i.ID_) FROM ACT_RE_PROCDEF d
                LEFT JOIN ACT_RU_INCIDENT i ON i.PROC_DEF_ID_ = d.ID_
                GROUP BY d.KEY_""");
    }

    /** Running, not suspended process instances by process definition key: the contacts in each campaign. */
    Map<String, Long> activeInstances() {
        return byKey("""
                SELECT d.KEY_, COUNT(e.ID_) FROM ACT_RE_PROCDEF d
                LEFT JOIN ACT_RU_EXECUTION e ON e.PROC_DEF_ID_ = d.ID_ AND e.ID_ = e.PROC_INST_ID_
                                             AND e.SUSPENSION_STATE_ = 1
                GROUP BY d.KEY_""");
    }

    private Map<String, Long> byKey(String sql) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql(sql).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
