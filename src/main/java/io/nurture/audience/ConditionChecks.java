package io.nurture.audience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.audience.SegmentRule.Group;

/**
 * The distinct conditions of a set of rules, each checked once for a contact: segments share conditions (consent, a
 * stage, an event window), so twenty segments cost one statement with a column per distinct condition, and each
 * rule's groups are then combined from those columns. A condition is never NULL ({@link SegmentRule}), so combining
 * them here gives what the whole rule's predicate gives in SQL.
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

    /** Every distinct condition for the contact, in as few statements as the columns allow. */
    Results check(JdbcClient jdbc, String contactId, Instant now) {
        boolean[] holds = new boolean[columns.size()];
        List<SegmentRule> conditions = List.copyOf(columns.keySet());
        for (int from = 0; from < conditions.size(); from += columnsPerQuery) {
            List<SegmentRule> part = conditions.subList(from, Math.min(conditions.size(), from + columnsPerQuery));
            RuleSql.Predicate query = query(part, contactId, now);
            int offset = from;
            jdbc.sql(query.sql()).params(query.params()).query(rs -> {
                for (int i = 0; i < part.size(); i++) {
                    holds[offset + i] = rs.getInt(i + 1) == 1;
                }
            });
        }
        return new Results(holds);
    }

    private static RuleSql.Predicate query(List<SegmentRule> conditions, String contactId, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> params = new ArrayList<>();
        String separator = "";
        for (SegmentRule condition : conditions) {
            RuleSql.Predicate predicate = RuleSql.compile(condition, now);
            sql.append(separator).append("CASE WHEN ").append(predicate.sql()).append(" THEN 1 ELSE 0 END");
            separator = ", ";
            params.addAll(predicate.params());
        }
        sql.append(" FROM contact c WHERE c.id = ?");
        params.add(contactId);
        return new RuleSql.Predicate(sql.toString(), params);
    }

    /** The contact's answer to every condition (all false when there is no such contact). */
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
