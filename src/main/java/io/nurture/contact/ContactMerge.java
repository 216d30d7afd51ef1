package io.nurture.contact;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * Two records turned out to be one person: the survivor takes over the other's events, stage ledger, score history,
 * deliveries, deals and anonymous ids, and its behaviour score, in one transaction; then the other is deleted.
 */
@Service
class ContactMerge {

    private static final List<String> OWNED_TABLES = List.of("contact_event", "stage_transition", "score_history",
            "delivery", "deal", "contact_anonymous_id", "ab_assignment", "notification");
    /** Tables keyed per contact: the survivor keeps its own row where both have one. */
    private static final Map<String, String> KEYED_TABLES = Map.of("contact_suppression", "reason",
            "contact_time_zone", "1", "contact_date", "name", "date_trigger_fired", "name, occurrence");

    private final ContactRepository contacts;
    private final MergedIds mergedIds;
    private final ProcessErasure processes;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ContactMerge(ContactRepository contacts, MergedIds mergedIds, ProcessErasure processes,
            JdbcClient jdbc, ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.mergedIds = mergedIds;
        this.processes = processes;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    void mergeInto(String survivorId, String mergedId) {
        // always lock in the same order, so two merges of the same pair cannot deadlock
        boolean survivorFirst = survivorId.compareTo(mergedId) < 0;
        contacts.lockById(survivorFirst ? survivorId : mergedId);
        Contact merged = contacts.lockById(survivorFirst ? mergedId : survivorId);
        merged = survivorFirst ? merged : contacts.getById(mergedId);
        for (String table : OWNED_TABLES) {
            jdbc.sql("UPDATE " + table + " SET contact_id = ? WHERE contact_id = ?").params(survivorId, mergedId)
                    .update();
        }
        KEYED_TABLES.forEach((table, key) -> jdbc.sql("UPDATE " + table + " SET contact_id = ? WHERE contact_id = ?"
                + " AND (" + key + ") NOT IN (SELECT " + key + " FROM " + table + " WHERE contact_id = ?)")
                .params(survivorId, mergedId, survivorId).update());
        mergedIds.record(survivorId, mergedId); // its finished instances keep its id: the survivor's erasure needs it
        events.publishEvent(new ContactsMerged(survivorId, mergedId, merged));
        processes.endRunning(List.of(mergedId), "merged into contact " + survivorId);
        jdbc.sql("DELETE FROM contact WHERE id = ?").param(mergedId).update();
    }
}
