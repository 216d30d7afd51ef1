package io.nurture.audience;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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

    Membership(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
    }

    /** Contacts checked by one statement: few enough ids for any database's parameter limit. */
    private static final int SLICE = 500;

    /**
     * Checks the contacts against every segment, a slice of them per query, and records where they entered or left:
     * with segments, a change costs the contacts' locks (held already when an event or an import locked them) and
     * that query, and writes only where the membership changed. Entries and exits are announced in the order of the
     * contacts given, each contact's in the order of the segments.
     */
    void evaluate(Collection<String> contactIds, List<Live> segments, Instant now) {
        if (segments.isEmpty() || contactIds.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(contactIds));
        for (int from = 0; from < ids.size(); from += SLICE) {
            evaluateSlice(ids.subList(from, Math.min(ids.size(), from + SLICE)), segments, now);
        }
    }

    private void evaluateSlice(List<String> ids, List<Live> segments, Instant now) {
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        List<String> locked = jdbc.sql("SELECT id FROM contact WHERE id IN (" + in + ") ORDER BY id FOR UPDATE")
                .params(ids).query(String.class).list();
        if (locked.isEmpty()) {
            return; // erased or merged meanwhile
        }
        // per segment: does the rule hold, and is the contact a member now; one statement for all of them
        StringBuilder sql = new StringBuilder("SELECT c.id");
        List<Object> params = new ArrayList<>();
        for (Live segment : segments) {
            RuleSql.Predicate predicate = RuleSql.compile(segment.rule(), now);
            sql.append(", CASE WHEN ").append(predicate.sql()).append(" THEN 1 ELSE 0 END")
                    .append(", CASE WHEN EXISTS (SELECT 1 FROM segment_member m WHERE m.segment_id = ?")
                    .append(" AND m.contact_id = c.id) THEN 1 ELSE 0 END");
            params.addAll(predicate.params());
            params.add(segment.id());
        }
        sql.append(" FROM contact c WHERE c.id IN (")
                .append(String.join(", ", Collections.nCopies(locked.size(), "?"))).append(")");
        params.addAll(locked);
        Map<String, boolean[][]> flags = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            boolean[][] perSegment = new boolean[segments.size()][];
            for (int i = 0; i < segments.size(); i++) {
                perSegment[i] = new boolean[] { rs.getInt(2 * i + 2) == 1, rs.getInt(2 * i + 3) == 1 };
            }
            flags.put(rs.getString(1), perSegment);
        });
        List<String> checked = ids.stream().filter(flags::containsKey).toList();
        for (int i = 0; i < segments.size(); i++) {
            int segment = i;
            enter(segments.get(i).id(), checked.stream().filter(id -> entering(flags.get(id)[segment])).toList(),
                    now);
            leave(segments.get(i).id(), checked.stream().filter(id -> leaving(flags.get(id)[segment])).toList(),
                    now);
        }
        for (String id : checked) {
            for (int i = 0; i < segments.size(); i++) {
                Live segment = segments.get(i);
                if (entering(flags.get(id)[i])) {
                    events.publishEvent(new SegmentEntered(segment.id(), segment.name(), id, now));
                } else if (leaving(flags.get(id)[i])) {
                    events.publishEvent(new SegmentLeft(segment.id(), segment.name(), id, now));
                }
            }
        }
    }

    /** {@code matchesAndMember}: whether the rule holds, whether the contact is a member. */
    private static boolean entering(boolean[] matchesAndMember) {
        return matchesAndMember[0] && !matchesAndMember[1];
    }

    private static boolean leaving(boolean[] matchesAndMember) {
        return !matchesAndMember[0] && matchesAndMember[1];
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
