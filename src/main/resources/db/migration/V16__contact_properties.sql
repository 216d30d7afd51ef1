-- Custom contact properties (io.nurture.contact.ContactProperties): what a site sends about a person beyond the fixed
-- profile (identify traits, an event's contactProperties). One value per row: text, number or flag, never two.
CREATE TABLE contact_property (
    contact_id    VARCHAR(36)      NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    name          VARCHAR(40)      NOT NULL,
    text_value    VARCHAR(500),
    number_value  DOUBLE PRECISION,
    flag_value    BOOLEAN,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (contact_id, name),
    CONSTRAINT ck_contact_property_one_value CHECK (
        (CASE WHEN text_value IS NULL THEN 0 ELSE 1 END) + (CASE WHEN number_value IS NULL THEN 0 ELSE 1 END)
        + (CASE WHEN flag_value IS NULL THEN 0 ELSE 1 END) = 1)
);
-- a segment build filters by name and value: these find the contacts with plan = 'pro' or seats >= 10
CREATE INDEX ix_contact_property_text ON contact_property (name, text_value);
CREATE INDEX ix_contact_property_number ON contact_property (name, number_value);
