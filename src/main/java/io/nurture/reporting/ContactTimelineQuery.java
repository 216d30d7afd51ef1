package io.nurture.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.contact.ContactNotFoundException;
import io.nurture.process.ContactProcesses;
import io.nurture.process.StepNames;
import io.nurture.reporting.ContactSearch.Match;
import io.nurture.reporting.ContactTimeline.Entry;
import io.nurture.reporting.ContactTimeline.ProcessInstance;
import io.nurture.web.InvalidInputException;

@Repository
class ContactTimelineQuery {

    static final String COCKPIT_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/";
    private static final int MAX_MATCHES = 50;
    private static final int MAX_ENTRIES_PER_KIND = 500;
    private static final Map<String, String> TRACKING_KINDS = Map.of("email_opened", "open", "email_clicked", "click",
            "email_bounced", "bounce", "unsubscribed", "unsubscribe");

    private static final String SEARCH = """
            SELECT id, email, first_name, last_name, company, lifecycle_stage, behaviour_score, fit_score FROM contact
            WHERE (LOWER(email) LIKE :q OR LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) LIKE :q
                   OR LOWER(COALESCE(company, '')) LIKE :q OR id = :id)
              AND (:stage = '' OR lifecycle_stage = :stage)
            ORDER BY updated_at DESC FETCH FIRST %d ROWS ONLY""".formatted(MAX_MATCHES);

    private static final ObjectMapper PROPERTIES = new ObjectMapper();

    private final JdbcClient jdbc;
    private final ContactProcesses processes;
    private final StageSql stageSql;
    private final StepNames stepNames;

    ContactTimelineQuery(JdbcClient jdbc, ContactProcesses processes, StageSql stageSql, StepNames stepNames) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.stageSql = stageSql;
        this.stepNames = stepNames;
    }

    ContactSearch search(String query, String stage) {
        String q = query == null ? "" : query.trim();
        String stageName = stage == null || stage.isBlank() ? "" : stageSql.parse(stage).name();
        if (q.length() > 200) {
            throw new InvalidInputException("'q' may have at most 200 characters");
        }
        String pattern = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        List<Match> matches = jdbc.sql(SEARCH.replace("LIKE :q", "LIKE :q ESCAPE '\\'"))
                .param("q", pattern).param("id", q).param("stage", stageName)
                .query((rs, row) -> match(rs))
                .list();
        return new ContactSearch(q, stageName.isEmpty() ? null : stageName, matches);
    }

    /** A page view's path ({@code properties.page}), so the timeline says which pages were seen; else empty. */
    private static String pagePath(String properties) {
        if (properties == null || properties.isEmpty()) {
            return "";
        }
        try {
            JsonNode page = PROPERTIES.readTree(properties).path("page");
            return page.isTextual() ? page.asText() : "";
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    ContactTimeline timeline(String contactId) {
        Match contact = jdbc.sql("""
                SELECT id, email, first_name, last_name, company, lifecycle_stage, behaviour_score, fit_score
                FROM contact WHERE id = ?""").param(contactId).query((rs, row) -> match(rs)).optional()
                .orElseThrow(() -> new ContactNotFoundException(contactId));
        List<Entry> entries = new ArrayList<>();
        Map<String, UnaryOperator<String>> namesIn = new HashMap<>();
        BiFunction<String, String, String> step = (campaign, id) -> namesIn.computeIfAbsent(campaign, stepNames::in)
                .apply(id);
        entries.addAll(jdbc.sql("""
                SELECT e.type, e.occurred_at, e.points, e.properties, d.campaign, d.step FROM contact_event e
                LEFT JOIN delivery d ON d.id = e.delivery_id
                WHERE e.contact_id = ? ORDER BY e.occurred_at DESC FETCH FIRST %d ROWS ONLY"""
                .formatted(MAX_ENTRIES_PER_KIND)).param(contactId).query((rs, row) -> {
                    String type = rs.getString("type");
                    String campaign = rs.getString("campaign");
                    String detail = pagePath(rs.getString("properties"))
                            + (rs.getInt("points") == 0 ? "" : " +" + rs.getInt("points") + " points")
                            + (campaign == null ? "" : " " + campaign + " / "
                                    + step.apply(campaign, rs.getString("step")));
                    return new Entry(instant(rs, "occurred_at"), TRACKING_KINDS.getOrDefault(type, "event"), type,
                            detail.trim());
                }).list());
        entries.addAll(jdbc.sql("""
                SELECT template, campaign, step, variant, status, channel, created_at, sent_at FROM delivery
                WHERE contact_id = ? ORDER BY created_at DESC FETCH FIRST %d ROWS ONLY"""
                .formatted(MAX_ENTRIES_PER_KIND)).param(contactId).query((rs, row) -> {
                    Instant at = rs.getTimestamp("sent_at") == null ? instant(rs, "created_at") : instant(rs, "sent_at");
                    String campaign = rs.getString("campaign");
                    String where = campaign == null ? ""
                            : campaign + " / " + step.apply(campaign, rs.getString("step"))
                            + (rs.getString("variant") == null ? "" : " (" + rs.getString("variant") + ")") + ", ";
                    return new Entry(at, "send", rs.getString("channel") + " " + rs.getString("template"),
                            where + rs.getString("status"));
                }).list());
        entries.addAll(jdbc.sql("""
                SELECT from_stage, to_stage, entry, reason, actor, at FROM stage_transition
                WHERE contact_id = ? ORDER BY at DESC FETCH FIRST %d ROWS ONLY""".formatted(MAX_ENTRIES_PER_KIND))
                .param(contactId).query((rs, row) -> new Entry(instant(rs, "at"), "stage",
                        (rs.getString("from_stage") == null ? "" : rs.getString("from_stage") + " → ")
                                + rs.getString("to_stage") + " #" + rs.getInt("entry"),
                        rs.getString("reason") + " (" + rs.getString("actor") + ")"))
                .list());
        entries.addAll(jdbc.sql("""
                SELECT component, delta, score_after, reason, at FROM score_history
                WHERE contact_id = ? ORDER BY at DESC FETCH FIRST %d ROWS ONLY""".formatted(MAX_ENTRIES_PER_KIND))
                .param(contactId).query((rs, row) -> new Entry(instant(rs, "at"), "score",
                        rs.getString("component") + " " + (rs.getInt("delta") >= 0 ? "+" : "") + rs.getInt("delta")
                                + " → " + rs.getInt("score_after"),
                        rs.getString("reason")))
                .list());
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return new ContactTimeline(contact, instancesOf(contactId), entries);
    }

    private List<ProcessInstance> instancesOf(String contactId) {
        return processes.history(contactId).stream()
                .map(i -> new ProcessInstance(i.id(), i.processKey(), i.state(), i.started(), i.ended(), i.steps(),
                        COCKPIT_INSTANCE + i.id()))
                .toList();
    }

    private static Match match(java.sql.ResultSet rs) throws java.sql.SQLException {
        String name = ((rs.getString("first_name") == null ? "" : rs.getString("first_name")) + " "
                + (rs.getString("last_name") == null ? "" : rs.getString("last_name"))).trim();
        return new Match(rs.getString("id"), rs.getString("email"), name, rs.getString("company"),
                rs.getString("lifecycle_stage"), rs.getInt("behaviour_score"), rs.getInt("fit_score"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
