package io.nurture.audience;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.audience.SegmentRule.Operator;
import io.nurture.audience.SegmentRule.PropertyCondition;
import io.nurture.contact.PropertyValues;

/**
 * Reads a custom property condition, {@code {"property": "plan", "op": "eq", "value": "pro"}}, as strictly as
 * {@link RuleParser} reads the rest: the value's JSON type says what it compares with (text, number, true/false),
 * and the operator must suit it; a refusal names the JSON pointer of the bad part.
 */
final class PropertyRules {

    private static final Set<String> KEYS = Set.of("property", "op", "value");
    private static final Set<Operator> TEXT = EnumSet.of(Operator.EQ, Operator.NEQ, Operator.IN, Operator.NOT_IN,
            Operator.CONTAINS, Operator.STARTS_WITH);
    private static final Set<Operator> NUMBER = EnumSet.of(Operator.EQ, Operator.NEQ, Operator.IN, Operator.NOT_IN,
            Operator.GT, Operator.GTE, Operator.LT, Operator.LTE);
    private static final Set<Operator> FLAG = EnumSet.of(Operator.EQ, Operator.NEQ);

    private PropertyRules() {
    }

    static PropertyCondition parse(JsonNode node, String pointer) {
        RuleParser.onlyKeys(node, KEYS, pointer);
        String name = RuleParser.text(node, "property", pointer);
        if (!PropertyValues.NAME.matcher(name).matches()) {
            throw SegmentRefusal.invalid(pointer + "/property: '" + RuleParser.abbreviated(name) + "' is not a custom "
                    + "property's name: a letter then letters, digits or _, at most " + PropertyValues.MAX_NAME_LENGTH
                    + " characters");
        }
        String opName = RuleParser.text(node, "op", pointer);
        Operator op = null;
        for (Operator candidate : Operator.values()) {
            if (candidate.wireName.equals(opName)) {
                op = candidate;
            }
        }
        if (op == null) {
            throw SegmentRefusal.invalid(pointer + "/op: '" + RuleParser.abbreviated(opName) + "' is not an operator "
                    + "for a custom property; use one of " + names(EnumSet.allOf(Operator.class)));
        }
        return new PropertyCondition(name, op, values(node.get("value"), op, pointer + "/value"));
    }

    private static List<Object> values(JsonNode value, Operator op, String pointer) {
        if (op == Operator.IS_SET || op == Operator.IS_NOT_SET) {
            if (value != null) {
                throw SegmentRefusal.invalid(pointer + ": " + op.wireName + " takes no value");
            }
            return List.of();
        }
        if (value == null || value.isNull()) {
            throw SegmentRefusal.invalid(pointer + ": a value is required for " + op.wireName);
        }
        if (op != Operator.IN && op != Operator.NOT_IN) {
            return List.of(scalar(value, op, pointer));
        }
        if (!value.isArray() || value.isEmpty() || value.size() > RuleParser.MAX_VALUES) {
            throw SegmentRefusal.invalid(pointer + ": " + op.wireName + " takes an array of 1 to "
                    + RuleParser.MAX_VALUES + " values");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            Object item = scalar(value.get(i), op, pointer + "/" + i);
            if (i > 0 && item.getClass() != values.get(0).getClass()) {
                throw SegmentRefusal.invalid(pointer + "/" + i + ": the values of " + op.wireName
                        + " are all text or all numbers");
            }
            values.add(item);
        }
        return List.copyOf(values);
    }

    private static Object scalar(JsonNode value, Operator op, String pointer) {
        if (value.isTextual()) {
            String text = value.asText();
            require(TEXT, op, "text", pointer);
            if (text.isEmpty() || text.length() > PropertyValues.MAX_TEXT_LENGTH) {
                throw SegmentRefusal.invalid(pointer + ": takes text of 1 to " + PropertyValues.MAX_TEXT_LENGTH
                        + " characters");
            }
            return text;
        }
        if (value.isNumber()) {
            require(NUMBER, op, "a number", pointer);
            double number = value.asDouble();
            if (!Double.isFinite(number) || Math.abs(number) > PropertyValues.MAX_MAGNITUDE) {
                throw SegmentRefusal.invalid(pointer + ": takes a number between -10^15 and 10^15");
            }
            return number;
        }
        if (value.isBoolean()) {
            require(FLAG, op, "true or false", pointer);
            return value.asBoolean();
        }
        throw SegmentRefusal.invalid(pointer + ": takes text, a number or true/false");
    }

    private static void require(Set<Operator> operators, Operator op, String kind, String pointer) {
        if (!operators.contains(op)) {
            throw SegmentRefusal.invalid(pointer + ": " + op.wireName + " does not compare " + kind + "; with "
                    + kind + " use one of " + names(operators) + ", is_set or is_not_set");
        }
    }

    private static List<String> names(Set<Operator> operators) {
        return operators.stream().map(operator -> operator.wireName).toList();
    }
}
