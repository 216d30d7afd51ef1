package io.nurture.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A rule's values reach SQL only as parameters; its columns only from the whitelist; a bad part is named. */
class RuleSqlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void valuesArePassedAsParametersNeverAsText() throws Exception {
        JsonNode rule = JSON.readTree("""
                {"all": [{"field": "company", "op": "eq", "value": "x' OR '1'='1"},
                         {"field": "company", "op": "contains", "value": "50%_off\\\\"},
                         {"event": "page_view", "atLeast": 3, "withinDays": 7, "not": true},
                         {"campaign": "drip", "status": "exited_goal"}]}""");

        RuleSql.Predicate predicate = RuleSql.compile(RuleParser.parse(rule, "/rule"), Instant.EPOCH);

        assertThat(predicate.sql()).doesNotContain("x'", "50%", "page_view", "drip");
        assertThat(predicate.sql().chars().filter(c -> c == '?').count()).isEqualTo(predicate.params().size());
        assertThat(predicate.params()).startsWith("x' OR '1'='1", "%50\\%\\_off\\\\%", "page_view")
                .endsWith("drip", "EndEvent_Goal%", "SubProcess_Goal%");
        assertThat(predicate.sql()).contains("c.company", "NOT EXISTS (SELECT 1 FROM contact_event e", "OFFSET ? ROWS)");
    }

    @Test
    void aCustomPropertysNameAndValuesArePassedAsParametersToo() throws Exception {
        JsonNode rule = JSON.readTree("""
                {"any": [{"property": "plan", "op": "in", "value": ["x' OR '1'='1", "pro"]},
                         {"property": "seats", "op": "gte", "value": 10},
                         {"property": "beta", "op": "neq", "value": true},
                         {"property": "nick_name", "op": "starts_with", "value": "A_%"},
                         {"property": "churned", "op": "is_not_set"}]}""");

        RuleSql.Predicate predicate = RuleSql.compile(RuleParser.parse(rule, "/rule"), Instant.EPOCH);

        assertThat(predicate.sql()).doesNotContain("plan", "x'", "seats", "beta", "nick_name", "churned", "A_");
        assertThat(predicate.sql().chars().filter(c -> c == '?').count()).isEqualTo(predicate.params().size());
        assertThat(predicate.params()).containsExactly("plan", "x' OR '1'='1", "pro", "seats", 10.0, "beta", true,
                "nick_name", "a\\_\\%%", "churned");
        assertThat(predicate.sql()).contains("cp.text_value IN (?, ?)", "cp.number_value >= ?",
                "NOT EXISTS (SELECT 1 FROM contact_property cp WHERE cp.contact_id = c.id AND cp.name = ? AND "
                        + "cp.flag_value = ?)");
    }

    @Test
    void aListConditionPassesTheListAsAParameterAndNamesItsPointer() throws Exception {
        JsonNode rule = JSON.readTree("""
                {"any": [{"list": "list-1"}, {"all": [{"list": "list-2", "not": true}]}]}""");

        SegmentRule parsed = RuleParser.parse(rule, "/rule");
        RuleSql.Predicate predicate = RuleSql.compile(parsed, Instant.EPOCH);

        assertThat(predicate.sql()).isEqualTo("(EXISTS (SELECT 1 FROM contact_list_member l WHERE l.contact_id = c.id"
                + " AND l.list_id = ?) OR (NOT EXISTS (SELECT 1 FROM contact_list_member l WHERE l.contact_id = c.id"
                + " AND l.list_id = ?)))");
        assertThat(predicate.params()).containsExactly("list-1", "list-2");
        assertThat(parsed.timeBound()).isFalse();
        assertThat(RuleLists.named(parsed, "/rule", new java.util.ArrayList<>())).containsExactly(
                new RuleLists.Named("/rule/any/0/list", "list-1"), new RuleLists.Named("/rule/any/1/all/0/list",
                        "list-2"));
        assertThatThrownBy(() -> RuleParser.parse(JSON.readTree("""
                {"all": [{"list": "a b"}]}"""), "/rule")).isInstanceOf(SegmentRefusal.class)
                .hasMessageStartingWith("/rule/all/0/list:");
        assertThatThrownBy(() -> RuleParser.parse(JSON.readTree("""
                {"all": [{"list": "a", "atLeast": 2}]}"""), "/rule")).isInstanceOf(SegmentRefusal.class)
                .hasMessageStartingWith("/rule/all/0/atLeast: unknown key");
    }

    @Test
    void aBadPartIsNamedByItsJsonPointer() {
        assertThatThrownBy(() -> RuleParser.parse(JSON.readTree("""
                {"any": [{"field": "country", "op": "eq", "value": "DE"},
                         {"all": [{"field": "fitScore", "op": "gte", "value": 1.5}]}]}"""), "/rule"))
                .isInstanceOf(SegmentRefusal.class).hasMessageStartingWith("/rule/any/1/all/0/value:");
        assertThatThrownBy(() -> RuleParser.parse(JSON.readTree("""
                {"all": [{"field": "country; DROP TABLE contact", "op": "eq", "value": "DE"}]}"""), "/rule"))
                .isInstanceOf(SegmentRefusal.class).hasMessageStartingWith("/rule/all/0/field: unknown field");
        assertThatThrownBy(() -> RuleParser.parse(JSON.readTree("""
                {"all": [{"campaign": "welcome", "status": "in", "withinDays": 3}]}"""), "/rule"))
                .isInstanceOf(SegmentRefusal.class).hasMessageStartingWith("/rule/all/0/withinDays:");
    }

    @Test
    void onlyRulesWithAWindowAreTimeBound() throws Exception {
        assertThat(RuleParser.parse(JSON.readTree("{\"all\": [{\"event\": \"purchase\"}]}"), "/rule").timeBound())
                .isFalse();
        assertThat(RuleParser.parse(JSON.readTree("""
                {"any": [{"field": "country", "op": "is_set"}, {"all": [{"event": "purchase", "withinDays": 5}]}]}"""),
                "/rule").timeBound()).isTrue();
    }
}
