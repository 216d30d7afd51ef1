package io.nurture.audience;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.nurture.audience.SegmentRule.CampaignCondition;
import io.nurture.audience.SegmentRule.EventCondition;
import io.nurture.audience.SegmentRule.FieldCondition;
import io.nurture.audience.SegmentRule.Group;
import io.nurture.audience.SegmentRule.ListCondition;
import io.nurture.audience.SegmentRule.Operator;
import io.nurture.audience.SegmentRule.PropertyCondition;
import io.nurture.process.CampaignGoals;

/**
 * A rule as one SQL predicate over {@code contact c}, with its parameters in order: the same predicate builds a
 * segment ({@code WHERE <predicate>} over every contact) and checks one contact ({@code WHERE c.id = ? AND ...}).
 * Only {@link ContactField}'s whitelisted columns and fixed SQL reach the text; every value is a parameter. Time
 * windows are measured back from {@code now}. Each condition is true or false, never NULL (see {@link SegmentRule}).
 */
final class RuleSql {

    /** The predicate's SQL text and its parameters, in the order of their {@code ?}. */
    record Predicate(String sql, List<Object> params) {
    }

    private static final String CAMPAIGN_INSTANCE = "SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = c.id"
            + " AND p.PROC_DEF_KEY_ = ? AND p.SUPER_PROCESS_INSTANCE_ID_ IS NULL";

    private final Instant now;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private RuleSql(Instant now) {
        this.now = now;
    }

    static Predicate compile(SegmentRule rule, Instant now) {
        RuleSql compiler = new RuleSql(now);
        compiler.append(rule);
        return new Predicate(compiler.sql.toString(), List.copyOf(compiler.params));
    }

    private void append(SegmentRule rule) {
        if (rule instanceof Group group) {
            group(group);
        } else if (rule instanceof FieldCondition field) {
            field(field);
        } else if (rule instanceof PropertyCondition property) {
            property(property);
        } else if (rule instanceof EventCondition event) {
            event(event);
        } else if (rule instanceof ListCondition list) {
            list(list);
        } else {
            campaign((CampaignCondition) rule);
        }
    }

    private void group(Group group) {
        sql.append('(');
        for (int i = 0; i < group.parts().size(); i++) {
            if (i > 0) {
                sql.append(group.all() ? " AND " : " OR ");
            }
            append(group.parts().get(i));
        }
        sql.append(')');
    }

    private void field(FieldCondition condition) {
        ContactField field = condition.field();
        String column = field.column;
        if (field == ContactField.SUPPRESSED) {
            sql.append(Boolean.TRUE.equals(condition.values().get(0)) ? column : "NOT " + column);
            return;
        }
        if (field.kind == ContactField.Kind.BOOLEAN) {
            sql.append("COALESCE(").append(column).append(", FALSE) = ?");
            params.add(condition.values().get(0));
            return;
        }
        Operator op = condition.op();
        switch (op) {
            case EQ -> compare(column, "=", condition.values().get(0));
            case GT -> compare(column, ">", condition.values().get(0));
            case GTE -> compare(column, ">=", condition.values().get(0));
            case LT -> compare(column, "<", condition.values().get(0));
            case LTE -> compare(column, "<=", condition.values().get(0));
            case NEQ -> {
                sql.append("(").append(column).append(" IS NULL OR ").append(column).append(" <> ?)");
                params.add(condition.values().get(0));
            }
            case IN -> {
                sql.append("(").append(column).append(" IS NOT NULL AND ").append(column).append(" IN (");
                list(condition.values());
                sql.append("))");
            }
            case NOT_IN -> {
                sql.append("(").append(column).append(" IS NULL OR ").append(column).append(" NOT IN (");
                list(condition.values());
                sql.append("))");
            }
            case CONTAINS -> like(column, "%" + escaped(condition.values().get(0)) + "%");
            case STARTS_WITH -> like(column, escaped(condition.values().get(0)) + "%");
            case IS_SET -> sql.append(column).append(" IS NOT NULL");
            case IS_NOT_SET -> sql.append(column).append(" IS NULL");
        }
    }

    private void compare(String column, String operator, Object value) {
        sql.append("(").append(column).append(" IS NOT NULL AND ").append(column).append(' ').append(operator)
                .append(" ?)");
        params.add(value);
    }

    private void list(List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            params.add(values.get(i));
        }
    }

    /** Case-insensitive, the value's own % and _ matched as themselves. */
    private void like(String column, String pattern) {
        sql.append("(").append(column).append(" IS NOT NULL AND LOWER(").append(column)
                .append(") LIKE ? ESCAPE '\\')");
        params.add(pattern);
    }

    private static String escaped(Object value) {
        return value.toString().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
    }

    /**
     * Whether the contact has the property with a matching value, or (neq, not_in, is_not_set) has not. The name is a
     * parameter like the values; the value's kind picks the column, so a text never equals a number.
     */
    private void property(PropertyCondition condition) {
        Operator op = condition.op();
        boolean negated = op == Operator.NEQ || op == Operator.NOT_IN || op == Operator.IS_NOT_SET;
        sql.append(negated ? "NOT EXISTS" : "EXISTS")
                .append(" (SELECT 1 FROM contact_property cp WHERE cp.contact_id = c.id AND cp.name = ?");
        params.add(condition.name());
        List<Object> values = condition.values();
        String column = values.isEmpty() ? null : propertyColumn(values.get(0));
        switch (op) {
            case EQ, NEQ -> {
                sql.append(" AND ").append(column).append(" = ?");
                params.add(values.get(0));
            }
            case IN, NOT_IN -> {
                sql.append(" AND ").append(column).append(" IN (");
                list(values);
                sql.append(')');
            }
            case GT -> propertyCompare(">", values.get(0));
            case GTE -> propertyCompare(">=", values.get(0));
            case LT -> propertyCompare("<", values.get(0));
            case LTE -> propertyCompare("<=", values.get(0));
            case CONTAINS -> propertyLike("%" + escaped(values.get(0)) + "%");
            case STARTS_WITH -> propertyLike(escaped(values.get(0)) + "%");
            case IS_SET, IS_NOT_SET -> {
            }
        }
        sql.append(')');
    }

    private static String propertyColumn(Object value) {
        return value instanceof String ? "cp.text_value" : value instanceof Boolean ? "cp.flag_value"
                : "cp.number_value";
    }

    private void propertyCompare(String operator, Object value) {
        sql.append(" AND cp.number_value ").append(operator).append(" ?");
        params.add(value);
    }

    private void propertyLike(String pattern) {
        sql.append(" AND LOWER(cp.text_value) LIKE ? ESCAPE '\\'");
        params.add(pattern);
    }

    private void event(EventCondition event) {
        if (event.negated()) {
            sql.append("NOT ");
        }
        String matching = "FROM contact_event e WHERE e.contact_id = c.id AND e.type = ?"
                + (event.withinDays() == null ? "" : " AND e.occurred_at >= ?");
        // at least N: the N-th matching event exists (a contact's 10,000th page view costs what its second did)
        sql.append("EXISTS (SELECT 1 ").append(matching).append(event.atLeast() == 1 ? ")" : " OFFSET ? ROWS)");
        params.add(event.type());
        if (event.withinDays() != null) {
            params.add(daysAgo(event.withinDays()));
        }
        if (event.atLeast() != 1) {
            params.add(event.atLeast() - 1);
        }
    }

    private void campaign(CampaignCondition condition) {
        switch (condition.status()) {
            case IN -> instance("EXISTS", " AND p.END_TIME_ IS NULL", condition);
            case NOT_IN -> instance("NOT EXISTS", " AND p.END_TIME_ IS NULL", condition);
            case FINISHED -> instance("EXISTS", " AND p.END_TIME_ IS NOT NULL AND p.STATE_ = 'COMPLETED'", condition);
            case EXITED_GOAL -> {
                instance("EXISTS", " AND p.END_TIME_ IS NOT NULL AND " + CampaignGoals.exitedOnGoal("p"), condition);
                params.add(CampaignGoals.endEventPattern());
                params.add(CampaignGoals.subProcessPattern());
            }
            case OPENED -> reaction("r.opened_at", condition);
            case CLICKED -> reaction("r.clicked_at", condition);
        }
    }

    private void instance(String exists, String state, CampaignCondition condition) {
        sql.append(exists).append(" (").append(CAMPAIGN_INSTANCE).append(state).append(')');
        params.add(condition.campaign());
    }

    private void reaction(String column, CampaignCondition condition) {
        sql.append("EXISTS (SELECT 1 FROM delivery_report r WHERE r.contact_id = c.id AND r.campaign = ? AND ")
                .append(column).append(condition.withinDays() == null ? " IS NOT NULL)" : " >= ?)");
        params.add(condition.campaign());
        if (condition.withinDays() != null) {
            params.add(daysAgo(condition.withinDays()));
        }
    }

    private void list(ListCondition condition) {
        sql.append(condition.negated() ? "NOT " : "").append("EXISTS (SELECT 1 FROM contact_list_member l")
                .append(" WHERE l.contact_id = c.id AND l.list_id = ?)");
        params.add(condition.listId());
    }

    private Timestamp daysAgo(int days) {
        return Timestamp.from(now.minus(Duration.ofDays(days)));
    }
}
