package io.nurture.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.ForeignKeysWithoutCascade;
import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * {@code DELETE /api/contacts/{id}} over real HTTP against the real engine, with the built-in inbox: after it nothing
 * of the person is left in the engine's history and operation log, in the inbox or under a merged-away id; an audit
 * row without personal data says who erased and how much; and an address that bounced hard or complained stays
 * suppressed when it comes back. The foreign keys to {@code contact} run without their cascade here ({@link ForeignKeysWithoutCascade}), so a merge or
 * erasure that leaves a row of the contact behind in any module's table fails instead of being tidied up.
 */
@InboxAppTest
class ContactErasureIT {

    static final String HASH_KEY = InboxAppTest.PRIVACY_HASH_KEY;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    NurtureClient api;

    /** Names the lists this test's seeds put contacts on. */
    private final String seedRun = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void aMergeAndAnErasureLeaveNoRowOfTheContactsInAnyTable() {
        assertThat(ForeignKeysWithoutCascade.cascadingForeignKeys(jdbc)).as("foreign keys to contact that still cascade").isEmpty();
        String email = unique("everywhere");
        String device = "device-" + UUID.randomUUID();
        String survivor = lead(email, "Eve");
        await().atMost(PATIENCE).until(() -> decided(survivor)); // its welcome mail went: no send in flight
        String visitor = event("""
                {"type": "page_view", "anonymousId": "%s"}""".formatted(device));
        List<String> tables = tablesWithAContactId();
        for (String table : tables) {
            seed(table, survivor, "shared", "survivor");
            seed(table, visitor, "shared", "visitor");
        }
        // and rows of the visitor's that no row of the survivor's stands in for
        for (String table : List.of("contact_suppression", "contact_date", "date_trigger_fired", "contact_property")) {
            seed(table, visitor, "own", "visitor");
        }
        Map<String, Long> survivorsBefore = rowsPerTable(survivor);
        Map<String, Long> visitorsBefore = rowsPerTable(visitor);
        assertThat(survivorsBefore).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        assertThat(visitorsBefore).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

        assertThat(event("""
                {"type": "form_submitted", "email": "%s", "anonymousId": "%s"}""".formatted(email, device)))
                .isEqualTo(survivor);

        assertThat(rowsPerTable(visitor)).as("rows still held by the merged contact's id")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        // where both had a row for one key (a suppression reason, a time zone, a date), the survivor's stays
        Map<String, Long> keptOnce = Map.of("contact_suppression", 1L, "contact_time_zone", 1L, "contact_date", 1L,
                "date_trigger_fired", 1L, "segment_member", 1L, "contact_list_member", 1L,
                "audience_enrolment_member", 1L, "contact_property", 1L);
        Map<String, Long> survivorsAfter = rowsPerTable(survivor);
        tables.forEach(table -> assertThat(survivorsAfter.get(table)).as(table).isGreaterThanOrEqualTo(
                survivorsBefore.get(table) + visitorsBefore.get(table) - keptOnce.getOrDefault(table, 0L)));
        assertThat(jdbc.sql("SELECT time_zone FROM contact_time_zone WHERE contact_id = ?").param(survivor)
                .query(String.class).single()).isEqualTo("Europe/Berlin");
        assertThat(jdbc.sql("SELECT detail FROM contact_suppression WHERE contact_id = ? AND reason = 'SUNSET'")
                .param(survivor).query(String.class).single()).isEqualTo("survivor");
        assertThat(jdbc.sql("SELECT date_value FROM contact_date WHERE contact_id = ? AND name = 'shared'")
                .param(survivor).query(Date.class).single().toLocalDate()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(api.get("/api/contacts/" + survivor, "demo").json().get("properties").toString())
                .as("the survivor's own property stays, the visitor's other one joins it")
                .isEqualTo("{\"own\":\"visitor\",\"shared\":\"survivor\"}");

        erase(survivor);

        assertThat(rowsPerTable(survivor)).as("rows still held by the erased contact's id")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        JsonNode removed = api.get("/api/erasures?contactId=" + survivor, "demo").json().get(0).get("removed");
        for (String what : List.of("events", "deliveries", "stageMoves", "scoreChanges", "deals", "notifications",
                "suppressions", "timeZones", "splitAssignments", "dates", "dateTriggersFired", "anonymousIds", "userIds",
                "listMemberships", "contactProperties")) {
            assertThat(removed.path(what).asLong()).as(what).isPositive();
        }
    }

    @Test
    void theOperationLogOfTheErasedInstancesGoes() {
        String contactId = event("""
                {"type": "demo_requested", "email": "%s", "properties": {"firstName": "Olga", "lastName": "Logan"}}"""
                .formatted(unique("oplog")));
        JsonNode sdrTask = api.singleTask(contactId, "sdr");
        String handoff = sdrTask.get("processInstanceId").asText();
        // what Cockpit sends when an operator edits a variable of the instance
        Response edited = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/engine-rest/process-instance/"
                + handoff + "/variables/note"))
                .header("Authorization", NurtureClient.basic("demo", "demo"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"Call Olga back\", \"type\": \"String\"}"))
                .build());
        assertThat(edited.status()).as(edited.body()).isEqualTo(204);
        api.completeTask(sdrTask, "sdr", """
                {"outcome": {"value": "qualified"}}""");
        List<String> instances = historicInstances(contactId);
        assertThat(operationLog(instances)).extracting(entry -> entry.get("userId").asText() + " "
                + entry.get("operationType").asText()).contains("sdr Complete", "demo SetVariable");

        erase(contactId);

        assertThat(historicInstances(contactId)).isEmpty();
        assertThat(operationLog(instances)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_OP_LOG WHERE PROC_INST_ID_ IN (:ids)")
                .param("ids", instances).query(Long.class).single()).isZero();
    }

    @Test
    void theContactsMailsLeaveTheBuiltInInboxAndOthersStay() {
        String erased = unique("inbox");
        String kept = unique("kept");
        String contactId = lead(erased, "Ines");
        lead(kept, "Kai");
        await().atMost(PATIENCE).until(() -> !inboxTo(erased).isEmpty() && !inboxTo(kept).isEmpty());

        erase(contactId);

        assertThat(inboxTo(erased)).isEmpty();
        assertThat(api.get("/api/inbox", "demo").body()).doesNotContain(erased, "Ines");
        assertThat(inboxTo(kept)).isNotEmpty();
    }

    @Test
    void theHistoryOfAContactMergedIntoTheErasedOneGoesToo() {
        String email = unique("merged");
        String device = "device-" + UUID.randomUUID();
        String contactId = lead(email, "Mo");
        // on a second device, before giving the e-mail there: an anonymous visitor whose cart reminders start
        String visitor = event("""
                {"type": "cart_abandoned", "anonymousId": "%s"}""".formatted(device));
        assertThat(visitor).isNotEqualTo(contactId);
        assertThat(historicInstances(visitor)).hasSize(1);
        assertThat(event("""
                {"type": "form_submitted", "email": "%s", "anonymousId": "%s"}""".formatted(email, device)))
                .isEqualTo(contactId);
        assertThat(api.get("/api/contacts/" + visitor, "demo").status()).isEqualTo(404);
        assertThat(historicInstances(visitor)).as("the merged visitor's history still has its id").hasSize(1);

        erase(contactId);

        assertThat(historicInstances(visitor)).isEmpty();
        assertThat(historicInstances(contactId)).isEmpty();
    }

    @Test
    void anAuditRowSaysWhoErasedAndHowMuchButNothingOfThePerson() {
        String email = unique("audit");
        String contactId = event("""
                {"type": "form_submitted", "email": "%s",
                 "properties": {"firstName": "Audrey", "lastName": "Trailfield", "company": "Ledgerworks"}}"""
                .formatted(email));
        await().atMost(PATIENCE).until(() -> !inboxTo(email).isEmpty());
        Instant before = Instant.now().minusSeconds(1);

        erase(contactId);

        JsonNode audits = api.get("/api/erasures?contactId=" + contactId, "demo").json();
        assertThat(audits).hasSize(1);
        JsonNode audit = audits.get(0);
        assertThat(audit.get("erasedBy").asText()).isEqualTo("demo");
        assertThat(Instant.parse(audit.get("erasedAt").asText())).isAfter(before).isBefore(Instant.now());
        JsonNode removed = audit.get("removed");
        assertThat(removed.get("contacts").asLong()).isEqualTo(1);
        assertThat(removed.get("events").asLong()).isEqualTo(1);
        assertThat(removed.get("deliveries").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(removed.get("processInstances").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(removed.get("inboxMails").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/erasures?contactId=" + UUID.randomUUID(), "demo").json()).isEmpty();

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM erasure_audit").query().listOfRows();
        assertThat(rows.toString()).doesNotContainIgnoringCase(email).doesNotContain(contactId, "Audrey",
                "Trailfield", "Ledgerworks");
        assertThat(rows).extracting(row -> row.get("CONTACT_HASH") != null ? row.get("CONTACT_HASH")
                : row.get("contact_hash")).contains(hmac(contactId));
    }

    @Test
    void anAddressThatBouncedHardOrComplainedStaysSuppressedWhenItComesBackAsANewLead() {
        String bounced = unique("bounced");
        String complained = unique("complained");
        String first = lead(bounced, "Bo");
        String second = lead(complained, "Cy");
        await().atMost(PATIENCE).until(() -> !inboxTo(bounced).isEmpty() && !inboxTo(complained).isEmpty());
        event("""
                {"type": "email_bounced", "contactId": "%s", "properties": {"bounceType": "hard"}}""".formatted(first));
        event("""
                {"type": "email_complained", "contactId": "%s"}""".formatted(second));
        erase(first);
        erase(second);

        String bouncedAgain = lead(bounced.toUpperCase(), "Bo");
        String complainedAgain = lead(complained, "Cy");
        String other = unique("other");
        String otherId = lead(other, "Dee");

        await().atMost(PATIENCE).until(() -> decided(otherId) && decided(bouncedAgain) && decided(complainedAgain));
        assertThat(statuses(bouncedAgain)).containsExactly("SKIPPED hard_bounce");
        assertThat(statuses(complainedAgain)).containsExactly("SKIPPED complaint");
        assertThat(statuses(otherId)).containsExactly("SENT");
        assertThat(inboxTo(other)).hasSize(1);
        assertThat(inboxTo(bounced)).isEmpty();
        assertThat(inboxTo(complained)).isEmpty();
        JsonNode contact = api.get("/api/contacts/" + bouncedAgain, "demo").json();
        assertThat(contact.get("marketingStatus").asText()).isEqualTo("hard_bounce");
        assertThat(contact.get("suppression").toString()).contains("hard_bounce");
        assertThat(api.get("/api/contacts/" + complainedAgain, "demo").json().get("marketingStatus").asText())
                .isEqualTo("complaint");
        assertThat(api.get("/api/contacts/" + otherId, "demo").json().get("marketingStatus").asText())
                .isEqualTo("subscribed");
        // kept as the keyed hash of the address, never the address
        assertThat(jdbc.sql("SELECT address_hash FROM suppressed_address").query(String.class).list())
                .contains(hmac(bounced), hmac(complained)).noneMatch(hash -> hash.contains("@"));
    }

    /**
     * The schema keeps its cascades as a backstop; the modules must not need them. Replaced right after the
     * migrations, before any campaign job runs: DDL beside a running send would queue behind its transaction.
     */

    /** Table, constraint and column of each foreign key to {@code contact} that deletes along with it. */

    // --- helpers

    /** Every table of Nurture's that refers to a contact, as the database describes itself. */
    private List<String> tablesWithAContactId() {
        return jdbc.sql("""
                SELECT table_name FROM information_schema.columns
                WHERE LOWER(column_name) = 'contact_id'
                  AND LOWER(table_schema) NOT IN ('information_schema', 'pg_catalog')
                ORDER BY table_name""")
                .query(String.class).list().stream().map(table -> table.toLowerCase(Locale.ROOT)).toList();
    }

    private Map<String, Long> rowsPerTable(String contactId) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tablesWithAContactId()) {
            rows.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE contact_id = ?").param(contactId)
                    .query(Long.class).single());
        }
        return rows;
    }

    /** The segment of the seeded memberships with this key, made once: one that holds every contact. */
    private String seedEnrolment(String key) {
        String id = "seed-enrolment-" + key;
        if (jdbc.sql("SELECT COUNT(*) FROM audience_enrolment WHERE id = ?").param(id).query(Long.class).single() == 0) {
            jdbc.sql("""
                    INSERT INTO audience_enrolment (id, campaign, audience_type, audience_id, audience_name, per_minute,
                                                    total, state, requested_by, requested_at)
                    VALUES (?, 'drip', 'list', ?, ?, 1, 0, 'FINISHED', 'seed', ?)""")
                    .params(id, id, id, Timestamp.from(Instant.now())).update();
        }
        return id;
    }

    private String seedSegment(String key) {
        String id = "seed-segment-" + key;
        if (jdbc.sql("SELECT COUNT(*) FROM segment WHERE id = ?").param(id).query(Long.class).single() == 0) {
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.sql("""
                    INSERT INTO segment (id, name, rule, version, time_bound, created_at, updated_at, rebuild_state,
                                         rebuilt_version)
                    VALUES (?, ?, '{"all":[{"field":"stage","op":"is_set"}]}', 1, FALSE, ?, ?, 'DONE', 1)""")
                    .params(id, id, now, now).update();
        }
        return id;
    }

    /**
     * A row of the contact in this table; {@code key} names the row in tables keyed per contact (two contacts seeded
     * with the same key collide on a merge), {@code mark} tells whose it is. A new table needs its seed here.
     */
    private void seed(String table, String contactId, String key, String mark) {
        Timestamp now = Timestamp.from(Instant.now());
        String id = UUID.randomUUID().toString();
        StatementSpec insert = switch (table) {
            case "contact_anonymous_id" -> jdbc.sql("""
                    INSERT INTO contact_anonymous_id (anonymous_id, contact_id) VALUES (?, ?)""")
                    .params("seed-" + id, contactId);
            case "contact_user_id" -> jdbc.sql("""
                    INSERT INTO contact_user_id (user_id, contact_id) VALUES (?, ?)""")
                    .params("seed-" + id, contactId);
            case "contact_merged_id" -> jdbc.sql("""
                    INSERT INTO contact_merged_id (merged_id, contact_id, merged_at) VALUES (?, ?, ?)""")
                    .params(id, contactId, now);
            case "contact_event" -> jdbc.sql("""
                    INSERT INTO contact_event (id, contact_id, type, occurred_at, received_at)
                    VALUES (?, ?, 'page_view', ?, ?)""").params(id, contactId, now, now);
            case "contact_event_daily" -> jdbc.sql("""
                    INSERT INTO contact_event_daily (event_day, type, contact_id, event_count)
                    VALUES (?, 'page_view', ?, 3)""").params(Date.valueOf("2024-05-17"), contactId);
            case "send_daily" -> jdbc.sql("""
                    INSERT INTO send_daily (sent_day, campaign, step, variant, contact_id, sent, opened, clicked,
                                            unsubscribed, bounced, hard_bounced, converted)
                    VALUES (?, 'seed', 'Task_Seed', NULL, ?, 1, 1, 0, 0, 0, 0, 1)""")
                    .params(Date.valueOf("2024-05-17"), contactId);
            case "stage_transition" -> jdbc.sql("""
                    INSERT INTO stage_transition (contact_id, from_stage, to_stage, entry, reason, actor, at)
                    VALUES (?, 'LEAD', 'LEAD', 1, ?, 'seed', ?)""").params(contactId, "seeded for the " + mark, now);
            case "score_history" -> jdbc.sql("""
                    INSERT INTO score_history (contact_id, component, delta, score_after, reason, at)
                    VALUES (?, 'behaviour', 0, 0, ?, ?)""").params(contactId, "seeded for the " + mark, now);
            case "delivery" -> jdbc.sql("""
                    INSERT INTO delivery (id, idempotency_key, contact_id, channel, template, status, created_at,
                                          sent_at, campaign, step)
                    VALUES (?, ?, ?, 'email', 'seed', 'SENT', ?, ?, 'seed', 'Task_Seed')""")
                    .params(id, "seed:" + id, contactId, now, now);
            case "deal" -> jdbc.sql("""
                    INSERT INTO deal (id, contact_id, status, amount, closed_at, closed_by)
                    VALUES (?, ?, 'won', 100, ?, ?)""").params(id, contactId, now, mark);
            case "ab_assignment" -> jdbc.sql("""
                    INSERT INTO ab_assignment (process_instance_id, split_id, contact_id, campaign, variant,
                                               assigned_at)
                    VALUES (?, 'Gateway_Seed', ?, 'seed', 'A', ?)""").params(id, contactId, now);
            case "notification" -> jdbc.sql("""
                    INSERT INTO notification (id, contact_id, delivery_id, title, created_at) VALUES (?, ?, ?, ?, ?)""")
                    .params(id, contactId, UUID.randomUUID().toString(), "Seeded for the " + mark, now);
            case "contact_suppression" -> jdbc.sql("""
                    INSERT INTO contact_suppression (contact_id, reason, detail, at) VALUES (?, ?, ?, ?)""")
                    .params(contactId, key.equals("shared") ? "SUNSET" : "COMPLAINT", mark, now);
            case "contact_time_zone" -> jdbc.sql("""
                    INSERT INTO contact_time_zone (contact_id, time_zone) VALUES (?, ?)""")
                    .params(contactId, mark.equals("survivor") ? "Europe/Berlin" : "America/New_York");
            case "contact_property" -> jdbc.sql("""
                    INSERT INTO contact_property (contact_id, name, text_value, updated_at) VALUES (?, ?, ?, ?)""")
                    .params(contactId, key, mark, now);
            case "contact_date" -> jdbc.sql("""
                    INSERT INTO contact_date (contact_id, name, date_value) VALUES (?, ?, ?)""")
                    .params(contactId, key, Date.valueOf(mark.equals("survivor") ? "1990-05-17" : "1985-01-01"));
            // a segment every contact is in: the survivor stays a member after the merge, its stays with the visitor's
            case "segment_member" -> jdbc.sql("""
                    INSERT INTO segment_member (segment_id, contact_id, entered_at) VALUES (?, ?, ?)""")
                    .params(seedSegment(key), contactId, now);
            // an enrolment both contacts are in: the survivor keeps its own place, the visitor's goes
            case "audience_enrolment_member" -> jdbc.sql("""
                    INSERT INTO audience_enrolment_member (enrolment_id, contact_id) VALUES (?, ?)""")
                    .params(seedEnrolment(key), contactId);
            case "segment_membership_history" -> jdbc.sql("""
                    INSERT INTO segment_membership_history (segment_id, contact_id, entered_at) VALUES (?, ?, ?)""")
                    .params(seedSegment(key), contactId, now);
            case "date_trigger_fired" -> jdbc.sql("""
                    INSERT INTO date_trigger_fired (contact_id, name, occurrence, fired_at) VALUES (?, ?, ?, ?)""")
                    .params(contactId, key, Date.valueOf("2025-05-17"), now);
            case "delivery_report" -> {
                // facts that reporting works out again from the send and its open when the contacts merge
                jdbc.sql("""
                        INSERT INTO delivery (id, idempotency_key, contact_id, channel, template, status, created_at,
                                              sent_at, campaign, step)
                        VALUES (?, ?, ?, 'email', 'seed', 'SENT', ?, ?, 'seed', 'Task_Seed')""")
                        .params(id, "seed-report:" + id, contactId, now, now).update();
                jdbc.sql("""
                        INSERT INTO contact_event (id, contact_id, type, occurred_at, received_at, delivery_id)
                        VALUES (?, ?, 'email_opened', ?, ?, ?)""")
                        .params(UUID.randomUUID().toString(), contactId, now, now, id).update();
                yield jdbc.sql("""
                        INSERT INTO delivery_report (delivery_id, contact_id, campaign, step, sent_at, opened_at)
                        VALUES (?, ?, 'seed', 'Task_Seed', ?, ?)""").params(id, contactId, now, now);
            }
            case "held_start" -> jdbc.sql("""
                    INSERT INTO held_start (process_key, contact_id, variables, held_at) VALUES ('seed', ?, '{}', ?)""")
                    .params(contactId, now);
            case "held_message" -> jdbc.sql("""
                    INSERT INTO held_message (process_key, process_instance_id, contact_id, message, variables, held_at)
                    VALUES ('seed', ?, ?, 'ContactUnsubscribed', '{}', ?)""").params(id, contactId, now);
            case "contact_list_member" -> {
                String listId = "seed-" + key + "-" + seedRun; // one list per key: the survivor's membership stays
                jdbc.sql("""
                        INSERT INTO contact_list (id, name, created_by, created_at)
                        SELECT ?, ?, 'seed', ? FROM contact WHERE id = ?
                        AND NOT EXISTS (SELECT 1 FROM contact_list WHERE id = ?)""")
                        .params(listId, listId, now, contactId, listId).update();
                yield jdbc.sql("""
                        INSERT INTO contact_list_member (list_id, contact_id, added_by, added_at) VALUES (?, ?, ?, ?)""")
                        .params(listId, contactId, mark, now);
            }
            default -> throw new AssertionError("Table " + table + " has a contact_id: seed a row of it here, and let "
                    + "its module move its rows on ContactsMerged and delete them on ContactErased");
        };
        insert.update();
    }

    private String lead(String email, String firstName) {
        return event("""
                {"type": "form_submitted", "email": "%s", "properties": {"firstName": "%s"}}"""
                .formatted(email, firstName));
    }

    private String event(String json) {
        Response response = api.post("/api/events", json, "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    private void erase(String contactId) {
        Response response = api.delete("/api/contacts/" + contactId, "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private List<String> historicInstances(String businessKey) {
        List<String> ids = new ArrayList<>();
        api.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + businessKey, "demo").json()
                .forEach(instance -> ids.add(instance.get("id").asText()));
        return ids;
    }

    private List<JsonNode> operationLog(List<String> processInstanceIds) {
        List<JsonNode> entries = new ArrayList<>();
        for (String id : processInstanceIds) {
            api.get("/engine-rest/history/user-operation?processInstanceId=" + id, "demo").json()
                    .forEach(entries::add);
        }
        return entries;
    }

    private List<JsonNode> inboxTo(String email) {
        List<JsonNode> mails = new ArrayList<>();
        api.get("/api/inbox", "demo").json().forEach(mail -> {
            if (mail.get("to").asText().toLowerCase().contains(email.toLowerCase())) {
                mails.add(mail);
            }
        });
        return mails;
    }

    /** "STATUS reason" of each e-mail send to the contact. */
    private List<String> statuses(String contactId) {
        return jdbc.sql("SELECT status, error FROM delivery WHERE contact_id = ? AND channel = 'email'")
                .param(contactId).query((rs, row) -> rs.getString("status")
                        + (rs.getString("error") == null ? "" : " " + rs.getString("error")))
                .list();
    }

    /** The welcome series' first mail to the contact was sent or skipped. */
    private boolean decided(String contactId) {
        List<String> statuses = statuses(contactId);
        return !statuses.isEmpty() && statuses.stream().allMatch(status -> status.startsWith("SENT")
                || status.startsWith("SKIPPED"));
    }

    /** What an auditor holding the key computes; e-mails are hashed as stored, trimmed and in lower case. */
    private static String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HASH_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
