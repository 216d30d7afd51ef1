package io.nurture.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.audience.RandomAudience.Person;

/**
 * The rules' SQL against an independent reading of the same rules in memory ({@link RandomAudience}), on random
 * contacts, events, mail reactions and campaign instances: over all contacts at once (as a build does), one contact
 * at a time (as a live change does), and through the API (create, background build, members).
 */
@JobsOffAppTest
class RuleSemanticsIT {

    private static final int PEOPLE = 300;
    private static final int RULES = 120;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void theSqlOfRandomRulesSelectsWhatTheRulesMean() {
        long seed = System.nanoTime();
        Instant now = Instant.now();
        RandomAudience audience = new RandomAudience(seed, now);
        String prefix = "rnd-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Person> people = audience.people(prefix, PEOPLE);
        audience.store(jdbc, people);

        int nonTrivial = 0;
        List<SegmentRule> parsed = new ArrayList<>();
        List<Set<String>> expectedPerRule = new ArrayList<>();
        for (int r = 0; r < RULES; r++) {
            JsonNode rule = audience.rule();
            parsed.add(RuleParser.parse(rule, "/rule"));
            RuleSql.Predicate predicate = RuleSql.compile(parsed.get(r), now);
            Set<String> expected = new TreeSet<>();
            people.stream().filter(p -> audience.matches(rule, p)).forEach(p -> expected.add(p.id()));
            expectedPerRule.add(expected);

            List<Object> params = new ArrayList<>(List.of(prefix + "%"));
            params.addAll(predicate.params());
            Set<String> selected = new TreeSet<>(jdbc.sql("SELECT c.id FROM contact c WHERE c.id LIKE ? AND "
                    + predicate.sql()).params(params).query(String.class).list());
            assertThat(selected).as("seed %d, rule %s", seed, rule).isEqualTo(expected);

            for (Person person : people.subList(0, 20)) {
                List<Object> one = new ArrayList<>(List.of(person.id()));
                one.addAll(predicate.params());
                boolean member = jdbc.sql("SELECT COUNT(*) FROM contact c WHERE c.id = ? AND " + predicate.sql())
                        .params(one).query(Long.class).single() == 1;
                assertThat(member).as("seed %d, rule %s, contact %s", seed, rule, person).isEqualTo(
                        expected.contains(person.id()));
            }
            if (!expected.isEmpty() && expected.size() < PEOPLE) {
                nonTrivial++;
            }
        }
        assertThat(nonTrivial).as("rules that split the contacts (seed %d)", seed).isGreaterThan(RULES / 3);

        // as a live change checks them: every rule at once, each distinct condition once, in statements of 50
        // columns, for 40 contacts together (an import's slice) and for one
        ConditionChecks checks = new ConditionChecks(parsed, 50);
        List<Person> checked = people.subList(0, 40);
        Map<String, ConditionChecks.Results> together = checks.check(jdbc,
                checked.stream().map(Person::id).toList(), now);
        assertThat(together).hasSize(checked.size());
        for (Person person : checked) {
            ConditionChecks.Results alone = checks.check(jdbc, List.of(person.id()), now).get(person.id());
            for (int r = 0; r < RULES; r++) {
                boolean expected = expectedPerRule.get(r).contains(person.id());
                assertThat(together.get(person.id()).holds(parsed.get(r))).as("seed %d, rule %s, contact %s", seed,
                        parsed.get(r), person).isEqualTo(expected);
                assertThat(alone.holds(parsed.get(r))).as("seed %d, rule %s, contact %s alone", seed, parsed.get(r),
                        person).isEqualTo(expected);
            }
        }
    }

    @Test
    void aSavedSegmentIsBuiltWithTheContactsItsRuleMeans() {
        long seed = System.nanoTime();
        RandomAudience audience = new RandomAudience(seed, Instant.now());
        String prefix = "rns-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Person> people = audience.people(prefix, 150);
        audience.store(jdbc, people);
        NurtureClient api = new NurtureClient(port);

        for (int r = 0; r < 5; r++) {
            JsonNode rule = audience.rule();
            String id = api.post("/api/segments", "{\"name\": \"random " + UUID.randomUUID() + "\", \"rule\": " + rule
                    + "}", "marketer").json().get("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/segments/" + id, "marketer").json()
                    .get("rebuild").get("state").asText().equals("done"));

            Set<String> expected = new TreeSet<>();
            people.stream().filter(p -> audience.matches(rule, p)).forEach(p -> expected.add(p.id()));
            Set<String> members = new TreeSet<>(jdbc.sql("""
                    SELECT contact_id FROM segment_member WHERE segment_id = ? AND contact_id LIKE ?""")
                    .params(id, prefix + "%").query(String.class).list());
            assertThat(members).as("seed %d, rule %s", seed, rule).isEqualTo(expected);
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM segment_membership_history
                    WHERE segment_id = ? AND contact_id LIKE ? AND left_at IS NULL""").params(id, prefix + "%")
                    .query(Long.class).single()).as("one open stay per member").isEqualTo(expected.size());
        }
    }
}
