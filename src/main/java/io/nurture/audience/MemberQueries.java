package io.nurture.audience;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.audience.SegmentViews.Member;
import io.nurture.audience.SegmentViews.Size;
import io.nurture.audience.SegmentViews.Stay;

/** Reads the members, sizes and stays; the preview counts and samples a rule that is not saved. */
@Repository
class MemberQueries {

    private static final String MEMBER_COLUMNS = """
            c.id, c.email, c.first_name, c.last_name, c.lifecycle_stage, c.behaviour_score + c.fit_score AS score""";

    private final JdbcClient jdbc;

    MemberQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count(String segmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM segment_member WHERE segment_id = ?").param(segmentId)
                .query(Long.class).single();
    }

    /** The latest to enter first. */
    List<Member> page(String segmentId, int page, int size) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + """
                , m.entered_at FROM segment_member m JOIN contact c ON c.id = m.contact_id
                WHERE m.segment_id = ? ORDER BY m.entered_at DESC, m.contact_id DESC
                OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""")
                .params(segmentId, (long) page * size, size).query(MemberQueries::member).list();
    }

    /** Every member, one by one, without holding them all. */
    void each(String segmentId, Consumer<Member> consumer) {
        jdbc.sql("SELECT " + MEMBER_COLUMNS + """
                , m.entered_at FROM segment_member m JOIN contact c ON c.id = m.contact_id
                WHERE m.segment_id = ? ORDER BY m.entered_at DESC, m.contact_id DESC""")
                .param(segmentId).query(rs -> {
                    consumer.accept(member(rs, 0));
                });
    }

    long previewCount(RuleSql.Predicate predicate) {
        return jdbc.sql("SELECT COUNT(*) FROM contact c WHERE " + predicate.sql()).params(predicate.params())
                .query(Long.class).single();
    }

    List<Member> previewSample(RuleSql.Predicate predicate, int size) {
        List<Object> params = new ArrayList<>(predicate.params());
        params.add(size);
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + ", NULL AS entered_at FROM contact c WHERE " + predicate.sql()
                + " ORDER BY c.created_at DESC, c.id FETCH FIRST ? ROWS ONLY").params(params)
                .query(MemberQueries::member).list();
    }

    /** The day's sizes from {@code from} on, oldest first. */
    List<Size> sizes(String segmentId, LocalDate from) {
        return jdbc.sql("""
                SELECT size_day, members FROM segment_size_daily WHERE segment_id = ? AND size_day >= ?
                ORDER BY size_day""").params(segmentId, Date.valueOf(from))
                .query((rs, row) -> new Size(rs.getDate(1).toLocalDate(), rs.getLong(2))).list();
    }

    List<SegmentViews.Membership> current(String contactId) {
        return jdbc.sql("""
                SELECT s.id, s.name, m.entered_at FROM segment_member m JOIN segment s ON s.id = m.segment_id
                WHERE m.contact_id = ? ORDER BY s.name""").param(contactId)
                .query((rs, row) -> new SegmentViews.Membership(rs.getString(1), rs.getString(2),
                        instant(rs.getTimestamp(3))))
                .list();
    }

    List<Stay> stays(String contactId) {
        return jdbc.sql("""
                SELECT s.id, s.name, h.entered_at, h.left_at FROM segment_membership_history h
                JOIN segment s ON s.id = h.segment_id WHERE h.contact_id = ? ORDER BY h.entered_at DESC, h.id DESC""")
                .param(contactId)
                .query((rs, row) -> new Stay(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4))))
                .list();
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getString("id"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("lifecycle_stage"), rs.getInt("score"),
                instant(rs.getTimestamp("entered_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
