-- Lifecycle engine: the rest of the ideal-customer profile for the fit score, and when a contact last engaged and
-- last decayed, so the behaviour score can fade with inactivity.

ALTER TABLE contact ADD COLUMN revenue BIGINT;
ALTER TABLE contact ADD COLUMN tech_stack VARCHAR(500);
ALTER TABLE contact ADD COLUMN funding VARCHAR(50);
ALTER TABLE contact ADD COLUMN last_engaged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE contact ADD COLUMN last_decayed_at TIMESTAMP WITH TIME ZONE;

UPDATE contact SET last_engaged_at = updated_at;

CREATE INDEX ix_contact_last_engaged ON contact (last_engaged_at);
