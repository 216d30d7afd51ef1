package io.nurture.audience;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Random contacts with events, mail reactions, campaign instances and static lists, written straight into the tables
 * the rules read, and random rules over them; {@link #matches} is the rules' meaning worked out in memory,
 * independently of the SQL. Times lie half a day off whole days back from now, so no time window's edge falls near one.
 */
final class RandomAudience {

    static final String[] COUNTRIES = { "DE", "FR", "US", null };
    static final String[] INDUSTRIES = { "software", "retail", "Software", null };
    static final String[] COMPANIES = { "Acme GmbH", "acme_inc", "Globex", "50% Off Ltd", null };
    static final String[] SOURCES = { "whitepaper", "webinar", "ads", null };
    static final String[] STAGES = { "LEAD", "MQL", "SQL", "CUSTOMER" };
    static final String[] EVENT_TYPES = { "page_view", "webinar_attended", "content_downloaded" };
    static final String[] CAMPAIGNS = { "welcome", "drip" };
    static final Boolean[] MAYBE = { true, false, null };

    record Event(String type, Instant at) {
    }

    record Reaction(String campaign, Instant openedAt, Instant clickedAt) {
    }

    record Instance(String campaign, boolean running, String state, String endActivity) {
    }

    record Person(String id, String country, String industry, String company, String source, String stage,
            Long companySize, int behaviour, int fit, Boolean consentEmail, boolean unsubscribed,
            boolean disqualified, boolean suppressed, List<Event> events, List<Reaction> reactions,
            List<Instance> instances, Map<String, Object> properties, List<String> lists) {
    }

    /** Custom properties: each name of a kind, mostly, and now and then of another (a plan as a number). */
    static final String[] PROPERTY_NAMES = { "plan", "seats", "beta", "nickname" };
    static final Object[] PLANS = { "pro", "Pro", "free", "team_pro", "50% off", 3.0 };
    static final Object[] SEATS = { 1.0, 2.5, 10.0, 50.0, -3.0, "10" };
    static final Object[] NICKNAMES = { "Ada", "ada_l", "Grace" };
    static final Object[] PROPERTY_TEXTS = { "pro", "Pro", "free", "50% off", "Ada", "10" };
    static final Object[] PROPERTY_FRAGMENTS = { "pro", "PRO", "50%", "_pro", "a", "10", "_" };
    static final Object[] PROPERTY_NUMBERS = { 0.0, 2.5, 3.0, 10.0, 49.5, 50.0, -3.0 };

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Random random;
    private final Instant now;
    /** This audience's own lists, made by {@link #store} (once per instance); nobody is put on the last one. */
    private final String[] lists;

    RandomAudience(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
        this.lists = new String[3];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = UUID.randomUUID().toString();
        }
    }

    // --- data

    List<Person> people(String prefix, int count) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Event> events = new ArrayList<>();
            for (int e = random.nextInt(6); e > 0; e--) {
                events.add(new Event(pick(EVENT_TYPES), daysAgo(random.nextInt(60))));
            }
            List<Reaction> reactions = new ArrayList<>();
            for (int r = random.nextInt(3); r > 0; r--) {
                Instant opened = random.nextBoolean() ? daysAgo(random.nextInt(60)) : null;
                reactions.add(new Reaction(pick(CAMPAIGNS), opened,
                        opened != null && random.nextBoolean() ? opened : null));
            }
            List<Instance> instances = new ArrayList<>();
            for (int p = random.nextInt(3); p > 0; p--) {
                instances.add(switch (random.nextInt(4)) {
                    case 0 -> new Instance(pick(CAMPAIGNS), true, "ACTIVE", null);
                    case 1 -> new Instance(pick(CAMPAIGNS), false, "COMPLETED", "EndEvent_Done");
                    case 2 -> new Instance(pick(CAMPAIGNS), false, "COMPLETED",
                            random.nextBoolean() ? "EndEvent_GoalReached" : "SubProcess_GoalMql");
                    default -> new Instance(pick(CAMPAIGNS), false, "EXTERNALLY_TERMINATED", "Task_Send");
                });
            }
            List<String> on = new ArrayList<>();
            for (int l = 0; l < lists.length - 1; l++) {
                if (random.nextBoolean()) {
                    on.add(lists[l]);
                }
            }
            people.add(new Person(prefix + i, pick(COUNTRIES), pick(INDUSTRIES), pick(COMPANIES), pick(SOURCES),
                    pick(STAGES), random.nextInt(4) == 0 ? null : (long) random.nextInt(1000), random.nextInt(101),
                    random.nextInt(101), pick(MAYBE), random.nextInt(5) == 0, random.nextInt(8) == 0,
                    random.nextInt(6) == 0, events, reactions, instances, properties(), on));
        }
        return people;
    }

    private Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : PROPERTY_NAMES) {
            if (random.nextBoolean()) {
                properties.put(name, switch (name) {
                    case "plan" -> pick(PLANS);
                    case "seats" -> pick(SEATS);
                    case "beta" -> random.nextBoolean();
                    default -> pick(NICKNAMES);
                });
            }
        }
        return properties;
    }

    void store(JdbcClient jdbc, List<Person> people) {
        Timestamp created = Timestamp.from(now);
        for (String list : lists) {
            jdbc.sql("INSERT INTO contact_list (id, name, created_by, created_at) VALUES (?, ?, 'random', ?)")
                    .params(list, "random " + list, created).update();
        }
        for (Person p : people) {
            jdbc.sql("""
                    INSERT INTO contact (id, email, company, industry, company_size, country, source, consent_email,
                      lifecycle_stage, behaviour_score, fit_score, unsubscribed, disqualified, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(p.id(), p.id() + "@random.example", p.company(), p.industry(), p.companySize(),
                            p.country(), p.source(), p.consentEmail(), p.stage(), p.behaviour(), p.fit(),
                            p.unsubscribed(), p.disqualified(), created, created)
                    .update();
            if (p.suppressed()) {
                jdbc.sql("INSERT INTO contact_suppression (contact_id, reason, at) VALUES (?, 'HARD_BOUNCE', ?)")
                        .params(p.id(), created).update();
            }
            for (Event e : p.events()) {
                jdbc.sql("""
                        INSERT INTO contact_event (id, contact_id, type, occurred_at, received_at, points)
                        VALUES (?, ?, ?, ?, ?, 0)""")
                        .params(UUID.randomUUID().toString(), p.id(), e.type(), Timestamp.from(e.at()), created)
                        .update();
            }
            for (Reaction r : p.reactions()) {
                String delivery = UUID.randomUUID().toString();
                jdbc.sql("""
                        INSERT INTO delivery (id, idempotency_key, contact_id, channel, template, status, created_at,
                          campaign) VALUES (?, ?, ?, 'email', 'drip-1', 'SENT', ?, ?)""")
                        .params(delivery, delivery, p.id(), created, r.campaign()).update();
                jdbc.sql("""
                        INSERT INTO delivery_report (delivery_id, contact_id, campaign, sent_at, opened_at, clicked_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(delivery, p.id(), r.campaign(), created, timestamp(r.openedAt()),
                                timestamp(r.clickedAt()))
                        .update();
            }
            p.properties().forEach((name, value) -> jdbc.sql("""
                    INSERT INTO contact_property (contact_id, name, text_value, number_value, flag_value, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(p.id(), name, value instanceof String ? value : null,
                            value instanceof Double ? value : null, value instanceof Boolean ? value : null, created)
                    .update());
            for (String list : p.lists()) {
                jdbc.sql("""
                        INSERT INTO contact_list_member (list_id, contact_id, added_by, added_at)
                        VALUES (?, ?, 'random', ?)""").params(list, p.id(), created).update();
            }
            for (Instance i : p.instances()) {
                String id = UUID.randomUUID().toString();
                jdbc.sql("""
                        INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,
                          START_TIME_, END_TIME_, END_ACT_ID_, STATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, id, p.id(), i.campaign(), i.campaign() + ":1:random", created,
                                i.running() ? null : created, i.endActivity(), i.state())
                        .update();
            }
        }
    }

    // --- rules

    JsonNode rule() {
        return group(1);
    }

    private ObjectNode group(int depth) {
        ObjectNode group = JSON.objectNode();
        ArrayNode parts = group.putArray(random.nextBoolean() ? "all" : "any");
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            parts.add(depth < 3 && random.nextInt(4) == 0 ? group(depth + 1) : condition());
        }
        return group;
    }

    private ObjectNode condition() {
        ObjectNode c = JSON.objectNode();
        if (random.nextInt(5) == 0) {
            property(c);
            return c;
        }
        switch (random.nextInt(11)) {
            case 0, 1 -> text(c, pick(new String[] { "country", "industry", "company", "source", "stage" }));
            case 2, 3 -> number(c, pick(new String[] { "fitScore", "behaviourScore", "score", "companySize" }));
            case 4 -> {
                c.put("field", pick(new String[] { "consentEmail", "unsubscribed", "disqualified", "suppressed" }));
                c.put("op", "eq");
                c.put("value", random.nextBoolean());
            }
            case 5, 6, 7 -> {
                c.put("event", pick(EVENT_TYPES));
                if (random.nextBoolean()) {
                    c.put("atLeast", 1 + random.nextInt(3));
                }
                if (random.nextBoolean()) {
                    c.put("withinDays", 1 + random.nextInt(45));
                }
                if (random.nextInt(3) == 0) {
                    c.put("not", true);
                }
            }
            case 8 -> {
                c.put("list", pick(lists));
                if (random.nextBoolean()) {
                    c.put("not", random.nextInt(3) > 0);
                }
            }
            default -> {
                c.put("campaign", pick(CAMPAIGNS));
                String status = pick(new String[] { "in", "not_in", "finished", "exited_goal", "opened", "clicked" });
                c.put("status", status);
                if ((status.equals("opened") || status.equals("clicked")) && random.nextBoolean()) {
                    c.put("withinDays", 1 + random.nextInt(45));
                }
            }
        }
        return c;
    }

    private void text(ObjectNode c, String field) {
        c.put("field", field);
        String[] values = switch (field) {
            case "country" -> COUNTRIES;
            case "industry" -> INDUSTRIES;
            case "company" -> new String[] { "acme", "Globex", "50%", "_inc", "ac" };
            case "source" -> SOURCES;
            default -> STAGES;
        };
        String op = pick(new String[] { "eq", "neq", "in", "not_in", "contains", "starts_with", "is_set",
                "is_not_set" });
        c.put("op", op);
        switch (op) {
            case "is_set", "is_not_set" -> {
            }
            case "in", "not_in" -> {
                ArrayNode list = c.putArray("value");
                for (int n = 1 + random.nextInt(2); n > 0; n--) {
                    list.add(nonNull(values));
                }
            }
            default -> c.put("value", nonNull(values));
        }
    }

    private void number(ObjectNode c, String field) {
        c.put("field", field);
        String op = pick(new String[] { "eq", "neq", "gt", "gte", "lt", "lte", "in", "not_in", "is_set",
                "is_not_set" });
        c.put("op", op);
        int bound = field.equals("companySize") ? 1000 : field.equals("score") ? 200 : 100;
        switch (op) {
            case "is_set", "is_not_set" -> {
            }
            case "in", "not_in" -> c.putArray("value").add(random.nextInt(bound)).add(random.nextInt(bound));
            default -> c.put("value", random.nextInt(bound));
        }
    }

    private void property(ObjectNode c) {
        c.put("property", random.nextInt(6) == 0 ? "absent" : pick(PROPERTY_NAMES));
        String op = pick(new String[] { "eq", "neq", "in", "not_in", "contains", "starts_with", "gt", "gte", "lt",
                "lte", "is_set", "is_not_set" });
        c.put("op", op);
        switch (op) {
            case "is_set", "is_not_set" -> {
            }
            case "contains", "starts_with" -> c.put("value", (String) pick(PROPERTY_FRAGMENTS));
            case "gt", "gte", "lt", "lte" -> c.put("value", (Double) pick(PROPERTY_NUMBERS));
            case "in", "not_in" -> {
                Object[] pool = random.nextBoolean() ? PROPERTY_TEXTS : PROPERTY_NUMBERS;
                ArrayNode list = c.putArray("value");
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    list.add(json(pick(pool)));
                }
            }
            default -> c.set("value", json(switch (random.nextInt(3)) {
                case 0 -> pick(PROPERTY_TEXTS);
                case 1 -> pick(PROPERTY_NUMBERS);
                default -> random.nextBoolean();
            }));
        }
    }

    private static JsonNode json(Object value) {
        return value instanceof String text ? JSON.textNode(text) : value instanceof Double number
                ? JSON.numberNode(number) : JSON.booleanNode((Boolean) value);
    }

    // --- the meaning, in memory

    boolean matches(JsonNode rule, Person p) {
        if (rule.has("all")) {
            for (JsonNode part : rule.get("all")) {
                if (!matches(part, p)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("any")) {
            for (JsonNode part : rule.get("any")) {
                if (matches(part, p)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("event")) {
            Instant since = rule.has("withinDays") ? now.minus(Duration.ofDays(rule.get("withinDays").asInt())) : null;
            long count = p.events().stream().filter(e -> e.type().equals(rule.get("event").asText()))
                    .filter(e -> since == null || !e.at().isBefore(since)).count();
            boolean did = count >= (rule.has("atLeast") ? rule.get("atLeast").asInt() : 1);
            return rule.path("not").asBoolean(false) != did;
        }
        if (rule.has("campaign")) {
            return campaign(rule, p);
        }
        if (rule.has("property")) {
            return property(rule, p);
        }
        if (rule.has("list")) {
            return rule.path("not").asBoolean(false) != p.lists().contains(rule.get("list").asText());
        }
        return field(rule, p);
    }

    private boolean campaign(JsonNode rule, Person p) {
        String key = rule.get("campaign").asText();
        Instant since = rule.has("withinDays") ? now.minus(Duration.ofDays(rule.get("withinDays").asInt())) : null;
        List<Instance> of = p.instances().stream().filter(i -> i.campaign().equals(key)).toList();
        return switch (rule.get("status").asText()) {
            case "in" -> of.stream().anyMatch(Instance::running);
            case "not_in" -> of.stream().noneMatch(Instance::running);
            case "finished" -> of.stream().anyMatch(i -> !i.running() && i.state().equals("COMPLETED"));
            case "exited_goal" -> of.stream().anyMatch(i -> !i.running() && (i.endActivity().startsWith("EndEvent_Goal")
                    || i.endActivity().startsWith("SubProcess_Goal")));
            case "opened" -> p.reactions().stream().anyMatch(r -> r.campaign().equals(key) && r.openedAt() != null
                    && (since == null || !r.openedAt().isBefore(since)));
            default -> p.reactions().stream().anyMatch(r -> r.campaign().equals(key) && r.clickedAt() != null
                    && (since == null || !r.clickedAt().isBefore(since)));
        };
    }

    private boolean field(JsonNode rule, Person p) {
        String field = rule.get("field").asText();
        String op = rule.get("op").asText();
        JsonNode value = rule.get("value");
        switch (field) {
            case "consentEmail":
                return (p.consentEmail() != null && p.consentEmail()) == value.asBoolean();
            case "unsubscribed":
                return p.unsubscribed() == value.asBoolean();
            case "disqualified":
                return p.disqualified() == value.asBoolean();
            case "suppressed":
                return p.suppressed() == value.asBoolean();
            default:
        }
        Object actual = switch (field) {
            case "country" -> p.country();
            case "industry" -> p.industry();
            case "company" -> p.company();
            case "source" -> p.source();
            case "stage" -> p.stage();
            case "fitScore" -> (long) p.fit();
            case "behaviourScore" -> (long) p.behaviour();
            case "score" -> (long) (p.fit() + p.behaviour());
            default -> p.companySize();
        };
        return switch (op) {
            case "is_set" -> actual != null;
            case "is_not_set" -> actual == null;
            case "eq" -> actual != null && same(actual, value);
            case "neq" -> actual == null || !same(actual, value);
            case "in" -> actual != null && any(actual, value);
            case "not_in" -> actual == null || !any(actual, value);
            case "contains" -> actual != null && lower(actual).contains(lower(value.asText()));
            case "starts_with" -> actual != null && lower(actual).startsWith(lower(value.asText()));
            default -> actual != null && compare((Long) actual, op, value.asLong());
        };
    }

    /** A value matches only a value of its own kind: the text "10" is not the number 10. */
    private static boolean property(JsonNode rule, Person p) {
        Object actual = p.properties().get(rule.get("property").asText());
        JsonNode value = rule.get("value");
        return switch (rule.get("op").asText()) {
            case "is_set" -> actual != null;
            case "is_not_set" -> actual == null;
            case "eq" -> equalProperty(actual, value);
            case "neq" -> !equalProperty(actual, value);
            case "in" -> anyProperty(actual, value);
            case "not_in" -> !anyProperty(actual, value);
            case "contains" -> actual instanceof String text && lower(text).contains(lower(value.asText()));
            case "starts_with" -> actual instanceof String text && lower(text).startsWith(lower(value.asText()));
            default -> actual instanceof Double number && compare(number, rule.get("op").asText(), value.asDouble());
        };
    }

    private static boolean equalProperty(Object actual, JsonNode value) {
        if (actual instanceof String text) {
            return value.isTextual() && text.equals(value.asText());
        }
        if (actual instanceof Double number) {
            return value.isNumber() && number == value.asDouble();
        }
        return actual instanceof Boolean flag && value.isBoolean() && flag == value.asBoolean();
    }

    private static boolean anyProperty(Object actual, JsonNode values) {
        for (JsonNode value : values) {
            if (equalProperty(actual, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compare(double actual, String op, double value) {
        return switch (op) {
            case "gt" -> actual > value;
            case "gte" -> actual >= value;
            case "lt" -> actual < value;
            default -> actual <= value;
        };
    }

    private static boolean same(Object actual, JsonNode value) {
        return actual instanceof Long number ? number == value.asLong() : actual.equals(value.asText());
    }

    private static boolean any(Object actual, JsonNode values) {
        for (JsonNode value : values) {
            if (same(actual, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compare(long actual, String op, long value) {
        return switch (op) {
            case "gt" -> actual > value;
            case "gte" -> actual >= value;
            case "lt" -> actual < value;
            default -> actual <= value;
        };
    }

    private static String lower(Object text) {
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days)).minus(Duration.ofHours(12));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private String nonNull(String[] values) {
        String value;
        do {
            value = pick(values);
        } while (value == null);
        return value;
    }
}
