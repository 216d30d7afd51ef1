-- the ids a site's own user accounts give a contact (Segment's userId, contact/IdentityResolver); moved to the
-- survivor on a merge and deleted on an erasure, like contact_anonymous_id
CREATE TABLE contact_user_id (
    user_id     VARCHAR(200) PRIMARY KEY,
    contact_id  VARCHAR(36)  NOT NULL REFERENCES contact (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_user_id_contact ON contact_user_id (contact_id);
