package io.nurture.audience;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.audience.LiveSegments.Live;

/**
 * Writes who is in which segment: one contact against every segment (live), or a stretch of contacts against one
 * segment (a rebuild or the sweep). Both lock the contacts they look at first, so a live change and a rebuild of the
 * same contact take turns, and both keep {@code segment_member} and the open stays of
 * {@code segment_membership_history} the same set.
 */
@Repository
class Membership {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher events;
    private final SegmentLocks locks;

    Membership(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events, SegmentLocks locks) {
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
        this.locks = locks;
    }

    /** Contacts checked by one statement: few enough ids for any database's parameter limit. */
    private static final int SLICE = 500;

    /**
     * Checks the contacts against every segment, a slice of them at a time, and records where they entered or left:
     * per slice, the contacts' locks (held already when an event or an import locked them), one query with a column
     * per distinct condition of all the segments ({@link ConditionChecks}), one read of their memberships, and writes
     * only where a membership changed. Entries and exits are announced in the order of the contacts given, each
     * contact's in the order of the segments.
     */
    void evaluate(Collection<String> contactIds, List<Live> segments, Instant now) {
        if (segments.isEmpty() || contactIds.isEmpty()) {
            return;
        }
        ConditionChecks checks = new ConditionChecks(segments.stream().map(Live::rule).toList());
        List<String> ids = List.copyOf(new LinkedHashSet<>(contactIds));
        for (int from = 0; from < ids.size(); from += SLICE) {
            evaluateSlice(ids.subList(from, Math.min(ids.size(), from + SLICE)), segments, checks, now);
        }
    }

    private void evaluateSlice(List<String> ids, List<Live> segments, ConditionChecks checks, Instant now) {
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        List<String> locked = jdbc.sql("SELECT id FROM contact WHERE id IN (" + in + ") ORDER BY id FOR UPDATE")
                .params(ids).query(String.class).list();
        if (locked.isEmpty()) {
            return; // erased or merged meanwhile
        }
        Map<String, ConditionChecks.Results> results = checks.check(jdbc, locked, now);
        Set<List<String>> memberships = new HashSet<>(jdbc.sql("SELECT segment_id, contact_id FROM segment_member"
                + " WHERE contact_id IN (" + String.join(", ", Collections.nCopies(locked.size(), "?")) + ")")
                .params(locked).query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).list());
        List<Change> changes = new ArrayList<>();
        for (String id : ids) {
            ConditionChecks.Results contact = results.get(id);
            if (contact == null) {
                continue; // erased or merged meanwhile
            }
            for (Live segment : segments) {
                boolean matches = contact.holds(segment.rule());
                if (matches != memberships.contains(List.of(segment.id(), id))) {
                    changes.add(new Change(segment, id, matches));
                }
            }
        }
        Set<String> gone = new HashSet<>();
        for (Live segment : segments) {
            List<String> entering = changed(changes, segment, true);
            List<String> leaving = changed(changes, segment, false);
            if ((!entering.isEmpty() || !leaving.isEmpty()) && !stillThere(segment.id())) {
                gone.add(segment.id()); // deleted since the segments were read: nobody enters or leaves it
                continue;
            }
            enter(segment.id(), entering, now);
            leave(segment.id(), leaving, now);
        }
        changes.stream().filter(change -> !gone.contains(change.segment().id()))
                .forEach(change -> events.publishEvent(change.entered()
                        ? new SegmentEntered(change.segment().id(), change.segment().name(), change.contactId(), now)
                        : new SegmentLeft(change.segment().id(), change.segment().name(), change.contactId(), now)));
    }

    /** Holds the segment's row until this transaction ends, so it is not deleted under the entries; false: gone. */
    private boolean stillThere(String segmentId) {
        return jdbc.sql("SELECT id FROM segment WHERE id = ? " + locks.forMembers()).param(segmentId)
                .query(String.class).optional().isPresent();
    }

    /** A contact entering ({@code entered}) or leaving a segment. */
    private record Change(Live segment, String contactId, boolean entered) {
    }

    private static List<String> changed(List<Change> changes, Live segment, boolean entered) {
        return changes.stream().filter(change -> change.segment().equals(segment) && change.entered() == entered)
                .map(Change::contactId).toList();
    }

    /** What {@link #rebuild} did to one stretch: where it ended (null: no contact after {@code after}). */
    record Stretch(String lastId, int contacts, int entered, int left) {
    }

    /**
     * Rebuilds the segment for the next {@code size} contacts after {@code after} (by id; null: from the first),
     * under their locks; {@code announce} publishes {@link SegmentEntered} and {@link SegmentLeft} for the changes.
     */
    Stretch rebuild(Live segment, String after, int size, Instant now, boolean announce) {
        String from = after == null ? "" : after;
        List<String> ids = jdbc.sql("SELECT id FROM contact WHERE id > ? ORDER BY id FETCH FIRST " + size
                + " ROWS ONLY FOR UPDATE").param(from).query(String.class).list();
        if (ids.isEmpty()) {
            return new Stretch(null, 0, 0, 0);
        }
        String last = ids.get(ids.size() - 1);
        RuleSql.Predicate predicate = RuleSql.compile(segment.rule(), now);
        List<Object> params = new ArrayList<>(List.of(from, last));
        params.addAll(predicate.params());
        Set<String> matching = new LinkedHashSet<>(jdbc.sql("SELECT c.id FROM contact c WHERE c.id > ? AND c.id <= ? AND "
                + predicate.sql()).params(params).query(String.class).list());
        Set<String> members = new HashSet<>(jdbc.sql("""
                SELECT contact_id FROM segment_member WHERE segment_id = ? AND contact_id > ? AND contact_id <= ?""")
                .params(segment.id(), from, last).query(String.class).list());
        List<String> entering = matching.stream().filter(id -> !members.contains(id)).toList();
        List<String> leaving = members.stream().filter(id -> !matching.contains(id)).sorted().toList();
        enter(segment.id(), entering, now);
        leave(segment.id(), leaving, now);
        if (announce) {
            entering.forEach(id -> events.publishEvent(new SegmentEntered(segment.id(), segment.name(), id, now)));
            leaving.forEach(id -> events.publishEvent(new SegmentLeft(segment.id(), segment.name(), id, now)));
        }
        return new Stretch(last, ids.size(), entering.size(), leaving.size());
    }

    long contacts() {
        return jdbc.sql("SELECT COUNT(*) FROM contact").query(Long.class).single();
    }

    /** Writes today's size of the segment (UTC), as it is now. */
    void recordSize(String segmentId, Instant now) {
        Date today = Date.valueOf(now.atZone(ZoneOffset.UTC).toLocalDate());
        int updated = jdbc.sql("""
                UPDATE segment_size_daily SET members = (SELECT COUNT(*) FROM segment_member WHERE segment_id = ?)
                WHERE segment_id = ? AND size_day = ?""").params(segmentId, segmentId, today).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO segment_size_daily (segment_id, size_day, members)
                    SELECT ?, ?, COUNT(*) FROM segment_member WHERE segment_id = ?""")
                    .params(segmentId, today, segmentId).update();
        }
    }

    /** An erased contact's memberships and stays go. */
    int forget(Collection<String> contactIds) {
        int removed = 0;
        for (String id : contactIds) {
            jdbc.sql("DELETE FROM segment_member WHERE contact_id = ?").param(id).update();
            removed += jdbc.sql("DELETE FROM segment_membership_history WHERE contact_id = ?").param(id).update();
        }
        return removed;
    }

    /**
     * A merged contact's stays become the survivor's past (ended now); its memberships go, and the survivor is
     * checked again ({@link LiveMembership}).
     */
    void handOver(String mergedId, String survivorId, Instant now) {
        jdbc.sql("UPDATE segment_membership_history SET left_at = ? WHERE contact_id = ? AND left_at IS NULL")
                .params(Timestamp.from(now), mergedId).update();
        jdbc.sql("UPDATE segment_membership_history SET contact_id = ? WHERE contact_id = ?")
                .params(survivorId, mergedId).update();
        jdbc.sql("DELETE FROM segment_member WHERE contact_id = ?").param(mergedId).update();
    }

    private void enter(String segmentId, List<String> contactIds, Instant now) {
        if (contactIds.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        template.batchUpdate("INSERT INTO segment_member (segment_id, contact_id, entered_at) VALUES (?, ?, ?)",
                contactIds, 1000, (ps, id) -> {
                    ps.setString(1, segmentId);
                    ps.setString(2, id);
                    ps.setTimestamp(3, at);
                });
        template.batchUpdate(
                "INSERT INTO segment_membership_history (segment_id, contact_id, entered_at) VALUES (?, ?, ?)",
                contactIds, 1000, (ps, id) -> {
                    ps.setString(1, segmentId);
                    ps.setString(2, id);
                    ps.setTimestamp(3, at);
                });
    }

    private void leave(String segmentId, List<String> contactIds, Instant now) {
        if (contactIds.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        template.batchUpdate("DELETE FROM segment_member WHERE segment_id = ? AND contact_id = ?", contactIds, 1000,
                (ps, id) -> {
                    ps.setString(1, segmentId);
                    ps.setString(2, id);
                });
        template.batchUpdate("""
                UPDATE segment_membership_history SET left_at = ?
                WHERE segment_id = ? AND contact_id = ? AND left_at IS NULL""", contactIds, 1000, (ps, id) -> {
                    ps.setTimestamp(1, at);
                    ps.setString(2, segmentId);
                    ps.setString(3, id);
                });
    }
}
