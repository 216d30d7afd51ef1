package io.nurture.audience;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.audience.SegmentRule.CampaignCondition;
import io.nurture.audience.SegmentRule.CampaignStatus;
import io.nurture.audience.SegmentRule.EventCondition;
import io.nurture.audience.SegmentRule.FieldCondition;
import io.nurture.audience.SegmentRule.Group;
import io.nurture.audience.SegmentRule.ListCondition;
import io.nurture.audience.SegmentRule.Operator;

/**
 * Reads a rule strictly: known keys, fields, operators and campaign statuses only, values of the field's type, at
 * most {@value #MAX_DEPTH} groups deep and {@value #MAX_CONDITIONS} conditions in all. A refusal names the JSON
 * pointer of the bad part (e.g. {@code /rule/all/1/value}).
 */
final class RuleParser {

    static final int MAX_DEPTH = 5;
    static final int MAX_CONDITIONS = 50;
    static final int MAX_VALUES = 100;
    static final int MAX_TEXT = 200;
    static final int MAX_DAYS = 3650;
    static final int MAX_TIMES = 1_000_000;

    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern CAMPAIGN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    private static final Set<String> FIELD_KEYS = Set.of("field", "op", "value");
    private static final Set<String> EVENT_KEYS = Set.of("event", "atLeast", "withinDays", "not");
    private static final Set<String> CAMPAIGN_KEYS = Set.of("campaign", "status", "withinDays");
    private static final Pattern LIST_ID = Pattern.compile("[A-Za-z0-9_.-]{1,36}");
    private static final Set<String> LIST_KEYS = Set.of("list", "not");

    private int conditions;

    private RuleParser() {
    }

    /** The rule at {@code pointer} (where the request holds it, e.g. {@code /rule}). */
    static SegmentRule parse(JsonNode rule, String pointer) {
        if (rule == null || rule.isNull() || rule.isMissingNode()) {
            throw SegmentRefusal.invalid(pointer + ": a rule is required, e.g. {\"all\": [...]}");
        }
        RuleParser parser = new RuleParser();
        if (!rule.isObject() || !(rule.has("all") || rule.has("any"))) {
            throw SegmentRefusal.invalid(pointer + ": the rule must be a group, {\"all\": [...]} or {\"any\": [...]}");
        }
        return parser.part(rule, pointer, 1);
    }

    private SegmentRule part(JsonNode node, String pointer, int depth) {
        if (!node.isObject()) {
            throw SegmentRefusal.invalid(pointer + ": must be an object (a group or a condition)");
        }
        if (node.has("all") || node.has("any")) {
            return group(node, pointer, depth);
        }
        if (++conditions > MAX_CONDITIONS) {
            throw SegmentRefusal.invalid(pointer + ": a rule has at most " + MAX_CONDITIONS + " conditions");
        }
        if (node.has("field")) {
            return field(node, pointer);
        }
        if (node.has("property")) {
            return PropertyRules.parse(node, pointer);
        }
        if (node.has("event")) {
            return event(node, pointer);
        }
        if (node.has("campaign")) {
            return campaign(node, pointer);
        }
        if (node.has("list")) {
            return list(node, pointer);
        }
        throw SegmentRefusal.invalid(pointer + ": must be a group (all, any) or a condition (field, property, event, "
                + "campaign, list)");
    }

    private Group group(JsonNode node, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            throw SegmentRefusal.invalid(pointer + ": groups nest at most " + MAX_DEPTH + " deep");
        }
        if (node.size() != 1) {
            throw SegmentRefusal.invalid(pointer + ": a group has exactly one key, all or any");
        }
        boolean all = node.has("all");
        String key = all ? "all" : "any";
        JsonNode parts = node.get(key);
        String here = pointer + "/" + key;
        if (!parts.isArray() || parts.isEmpty()) {
            throw SegmentRefusal.invalid(here + ": must be a non-empty array of groups and conditions");
        }
        List<SegmentRule> parsed = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            parsed.add(part(parts.get(i), here + "/" + i, depth + 1));
        }
        return new Group(all, List.copyOf(parsed));
    }

    private static FieldCondition field(JsonNode node, String pointer) {
        onlyKeys(node, FIELD_KEYS, pointer);
        ContactField field = ContactField.ofWireName(text(node, "field", pointer));
        if (field == null) {
            throw SegmentRefusal.invalid(pointer + "/field: unknown field '" + abbreviated(node.get("field").asText())
                    + "'; known: " + known());
        }
        String opName = text(node, "op", pointer);
        Operator op = null;
        for (Operator candidate : Operator.values()) {
            if (candidate.wireName.equals(opName)) {
                op = candidate;
            }
        }
        if (op == null || !field.kind.operators.contains(op)) {
            throw SegmentRefusal.invalid(pointer + "/op: '" + abbreviated(opName) + "' is not an operator for "
                    + field.wireName + "; use one of " + field.kind.operators.stream().map(o -> o.wireName).toList());
        }
        return new FieldCondition(field, op, values(node, field, op, pointer));
    }

    private static List<Object> values(JsonNode node, ContactField field, Operator op, String pointer) {
        JsonNode value = node.get("value");
        String here = pointer + "/value";
        if (op == Operator.IS_SET || op == Operator.IS_NOT_SET) {
            if (value != null) {
                throw SegmentRefusal.invalid(here + ": " + op.wireName + " takes no value");
            }
            return List.of();
        }
        if (value == null || value.isNull()) {
            throw SegmentRefusal.invalid(here + ": a value is required for " + op.wireName);
        }
        if (op == Operator.IN || op == Operator.NOT_IN) {
            if (!value.isArray() || value.isEmpty() || value.size() > MAX_VALUES) {
                throw SegmentRefusal.invalid(here + ": " + op.wireName + " takes an array of 1 to " + MAX_VALUES
                        + " values");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                values.add(scalar(value.get(i), field, here + "/" + i));
            }
            return List.copyOf(values);
        }
        return List.of(scalar(value, field, here));
    }

    private static Object scalar(JsonNode value, ContactField field, String pointer) {
        return switch (field.kind) {
            case TEXT -> {
                if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > MAX_TEXT) {
                    throw SegmentRefusal.invalid(pointer + ": " + field.wireName + " takes text of 1 to " + MAX_TEXT
                            + " characters");
                }
                yield value.asText();
            }
            case NUMBER -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw SegmentRefusal.invalid(pointer + ": " + field.wireName + " takes a whole number");
                }
                yield value.asLong();
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw SegmentRefusal.invalid(pointer + ": " + field.wireName + " takes true or false");
                }
                yield value.asBoolean();
            }
        };
    }

    private static EventCondition event(JsonNode node, String pointer) {
        onlyKeys(node, EVENT_KEYS, pointer);
        String type = text(node, "event", pointer);
        if (!EVENT_TYPE.matcher(type).matches()) {
            throw SegmentRefusal.invalid(pointer + "/event: an event type is lower snake case, e.g. webinar_attended");
        }
        int atLeast = node.has("atLeast") ? count(node.get("atLeast"), 1, MAX_TIMES, pointer + "/atLeast") : 1;
        Integer withinDays = node.has("withinDays")
                ? count(node.get("withinDays"), 1, MAX_DAYS, pointer + "/withinDays") : null;
        JsonNode not = node.get("not");
        if (not != null && !not.isBoolean()) {
            throw SegmentRefusal.invalid(pointer + "/not: takes true or false");
        }
        return new EventCondition(type, atLeast, withinDays, not != null && not.asBoolean());
    }

    private static CampaignCondition campaign(JsonNode node, String pointer) {
        onlyKeys(node, CAMPAIGN_KEYS, pointer);
        String campaign = text(node, "campaign", pointer);
        if (!CAMPAIGN_KEY.matcher(campaign).matches()) {
            throw SegmentRefusal.invalid(pointer + "/campaign: not a campaign's process key");
        }
        String statusName = text(node, "status", pointer);
        CampaignStatus status = null;
        for (CampaignStatus candidate : CampaignStatus.values()) {
            if (candidate.wireName.equals(statusName)) {
                status = candidate;
            }
        }
        if (status == null) {
            throw SegmentRefusal.invalid(pointer + "/status: '" + abbreviated(statusName) + "' is not one of in, "
                    + "not_in, finished, exited_goal, opened, clicked");
        }
        Integer withinDays = null;
        if (node.has("withinDays")) {
            if (!status.reaction()) {
                throw SegmentRefusal.invalid(pointer + "/withinDays: only opened and clicked take a time window");
            }
            withinDays = count(node.get("withinDays"), 1, MAX_DAYS, pointer + "/withinDays");
        }
        return new CampaignCondition(campaign, status, withinDays);
    }

    /** The list's id only: whether it exists is asked of the lists module when the rule is saved or previewed. */
    private static ListCondition list(JsonNode node, String pointer) {
        onlyKeys(node, LIST_KEYS, pointer);
        String listId = text(node, "list", pointer);
        if (!LIST_ID.matcher(listId).matches()) {
            throw SegmentRefusal.invalid(pointer + "/list: not a list's id");
        }
        JsonNode not = node.get("not");
        if (not != null && !not.isBoolean()) {
            throw SegmentRefusal.invalid(pointer + "/not: takes true or false");
        }
        return new ListCondition(listId, not != null && not.asBoolean());
    }

    static void onlyKeys(JsonNode node, Set<String> allowed, String pointer) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw SegmentRefusal.invalid(pointer + "/" + abbreviated(name) + ": unknown key; this condition takes "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    static String text(JsonNode node, String key, String pointer) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw SegmentRefusal.invalid(pointer + "/" + key + ": must be a non-empty string");
        }
        return value.asText();
    }

    private static int count(JsonNode value, int min, int max, String pointer) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw SegmentRefusal.invalid(pointer + ": must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    private static String known() {
        return Arrays.stream(ContactField.values()).map(f -> f.wireName).toList().toString();
    }

    static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
