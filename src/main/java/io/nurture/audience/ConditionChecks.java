package io.nurture.audience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.audience.SegmentRule.Group;

/**
 * The distinct conditions of a set of rules, each checked once per contact: segments share conditions (consent, a
 * stage, an event window), so twenty segments cost one statement with a column per distinct condition and a row per
 * contact, and each rule's groups are then combined from those columns. A condition is never NULL
 * ({@link SegmentRule}), so combining them here gives what the whole rule's predicate gives in SQL.
 */
final class ConditionChecks {

    /** Columns per statement, well inside PostgreSQL's 1,664 of a select list. */
    static final int COLUMNS_PER_QUERY = 400;

    private final Map<SegmentRule, Integer> columns = new LinkedHashMap<>();
    private final int columnsPerQuery;

    ConditionChecks(List<SegmentRule> rules) {
        this(rules, COLUMNS_PER_QUERY);
    }

    ConditionChecks(List<SegmentRule> rules, int columnsPerQuery) {
        this.columnsPerQuery = columnsPerQuery;
        rules.forEach(this::collect);
    }

    private void collect(SegmentRule rule) {
        if (rule instanceof Group group) {
            group.parts().forEach(this::collect);
        } else {
            columns.putIfAbsent(rule, columns.size());
        }
    }

    /**
     * Every distinct condition for each of the contacts (a few hundred at most: their ids are parameters), in as few
     * statements as the columns allow; a contact that does not exist has no answers.
     */
    Map<String, Results> check(JdbcClient jdbc, List<String> contactIds, Instant now) {
        Map<String, boolean[]> holds = new HashMap<>();
        List<SegmentRule> conditions = List.copyOf(columns.keySet());
        for (int from = 0; from < conditions.size(); from += columnsPerQuery) {
            List<SegmentRule> part = conditions.subList(from, Math.min(conditions.size(), from + columnsPerQuery));
            RuleSql.Predicate query = query(part, contactIds, now);
            int offset = from;
            jdbc.sql(query.sql()).params(query.params()).query(rs -> {
                boolean[] row = holds.computeIfAbsent(rs.getString(1), id -> new boolean[conditions.size()]);
                for (int i = 0; i < part.size(); i++) {
                    row[offset + i] = rs.getInt(i + 2) == 1;
                }
            });
        }
        Map<String, Results> results = new HashMap<>();
        holds.forEach((id, row) -> results.put(id, new Results(row)));
        return results;
    }

    private static RuleSql.Predicate query(List<SegmentRule> conditions, List<String> contactIds, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT c.id");
        List<Object> params = new ArrayList<>();
        for (SegmentRule condition : conditions) {
            RuleSql.Predicate predicate = RuleSql.compile(condition, now);
            sql.append(", CASE WHEN ").append(predicate.sql()).append(" THEN 1 ELSE 0 END");
            params.addAll(predicate.params());
        }
        sql.append(" FROM contact c WHERE c.id IN (").append(String.join(", ", Collections.nCopies(contactIds.size(),
                "?"))).append(')');
        params.addAll(contactIds);
        return new RuleSql.Predicate(sql.toString(), params);
    }

    /** A contact's answer to every condition. */
    final class Results {

        private final boolean[] holds;

        private Results(boolean[] holds) {
            this.holds = holds;
        }

        /** Whether the rule, one of those the checks were made of, holds for the contact. */
        boolean holds(SegmentRule rule) {
            if (rule instanceof Group group) {
                return group.all() ? group.parts().stream().allMatch(this::holds)
                        : group.parts().stream().anyMatch(this::holds);
            }
            return holds[columns.get(rule)];
        }
    }
}
