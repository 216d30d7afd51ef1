package io.nurture.enrolment;

/**
 * Whose members an enrolment takes: a live segment or a static list, with the query that lists them as they are
 * now (read from the owning module's member table, never written).
 */
record Audience(String type, String id, String name) {

    static final String SEGMENT = "segment";
    static final String LIST = "list";

    /** {@code FROM … WHERE <audience id> = ?}, selecting {@code contact_id}. */
    String membersQuery() {
        return SEGMENT.equals(type) ? "FROM segment_member WHERE segment_id = ?"
                : "FROM contact_list_member WHERE list_id = ?";
    }
}
