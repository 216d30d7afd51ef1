package io.nurture.lists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ListRepository {

    private static final String WITH_SIZE = """
            SELECT l.*, (SELECT COUNT(*) FROM contact_list_member m WHERE m.list_id = l.id) AS size
            FROM contact_list l""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ListRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void create(String id, String name, String createdBy, Instant at) {
        jdbc.sql("INSERT INTO contact_list (id, name, created_by, created_at) VALUES (?, ?, ?, ?)")
                .params(id, name, createdBy, Timestamp.from(at)).update();
    }

    Optional<ContactList> find(String id) {
        return jdbc.sql(WITH_SIZE + " WHERE l.id = ?").param(id).query(ListRepository::map).optional();
    }

    boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM contact_list WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Locks the list's row until the transaction ends; false if there is none. */
    boolean lock(String id) {
        return jdbc.sql("SELECT id FROM contact_list WHERE id = ? FOR UPDATE").param(id).query(String.class)
                .optional().isPresent();
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM contact_list_member WHERE list_id = ?").param(id).update();
        jdbc.sql("DELETE FROM contact_list WHERE id = ?").param(id).update();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM contact_list WHERE LOWER(name) = LOWER(?)").param(name)
                .query(Long.class).single() > 0;
    }

    List<ContactList> all() {
        return jdbc.sql(WITH_SIZE + " ORDER BY l.name").query(ListRepository::map).list();
    }

    List<ContactList> listsOf(String contactId) {
        return jdbc.sql(WITH_SIZE + " WHERE l.id IN (SELECT list_id FROM contact_list_member WHERE contact_id = ?)"
                + " ORDER BY l.name").param(contactId).query(ListRepository::map).list();
    }

    List<ListMember> members(String listId, int offset, int limit) {
        return jdbc.sql("""
                SELECT m.contact_id, c.email, m.added_by, m.added_at
                FROM contact_list_member m JOIN contact c ON c.id = m.contact_id
                WHERE m.list_id = ? ORDER BY m.added_at, m.contact_id LIMIT ? OFFSET ?""")
                .params(listId, limit, offset)
                .query((rs, row) -> new ListMember(rs.getString("contact_id"), rs.getString("email"),
                        rs.getString("added_by"), rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    /** Adds those of the contacts not on the list yet, in one batch; answers how many it added. */
    int add(String listId, Collection<String> contactIds, String addedBy, Instant at) {
        Timestamp added = Timestamp.from(at);
        int[] counts = batches.batchUpdate("""
                INSERT INTO contact_list_member (list_id, contact_id, added_by, added_at)
                SELECT ?, ?, ?, ? FROM contact_list WHERE id = ? AND NOT EXISTS
                  (SELECT 1 FROM contact_list_member WHERE list_id = ? AND contact_id = ?)""",
                contactIds.stream().distinct()
                        .map(id -> new Object[] { listId, id, addedBy, added, listId, listId, id }).toList(),
                new int[] { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR });
        return Arrays.stream(counts).map(count -> Math.max(count, 0)).sum();
    }

    boolean remove(String listId, String contactId) {
        return jdbc.sql("DELETE FROM contact_list_member WHERE list_id = ? AND contact_id = ?")
                .params(listId, contactId).update() > 0;
    }

    /** The survivor keeps its own memberships and takes over the merged contact's others. */
    void reassign(String fromContactId, String toContactId) {
        jdbc.sql("""
                DELETE FROM contact_list_member WHERE contact_id = ? AND list_id IN
                  (SELECT list_id FROM contact_list_member WHERE contact_id = ?)""")
                .params(fromContactId, toContactId).update();
        jdbc.sql("UPDATE contact_list_member SET contact_id = ? WHERE contact_id = ?")
                .params(toContactId, fromContactId).update();
    }

    int deleteOf(String contactId) {
        return jdbc.sql("DELETE FROM contact_list_member WHERE contact_id = ?").param(contactId).update();
    }

    private static ContactList map(ResultSet rs, int row) throws SQLException {
        return new ContactList(rs.getString("id"), rs.getString("name"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("size"));
    }
}
