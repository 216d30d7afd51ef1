-- Reporting reads the ledger, the delivery log and the tracking events in ways the earlier indexes do not serve:
-- "a contact's latest entry into a stage before t" (velocity, MQL after a send), "the contact's next move" (funnel),
-- "deliveries sent in a period", read from the index alone, and "the opens, clicks and bounces since a day"
-- (campaigns).

CREATE INDEX ix_stage_transition_contact_stage_at ON stage_transition (contact_id, to_stage, at);
CREATE INDEX ix_stage_transition_at ON stage_transition (at);
CREATE INDEX ix_delivery_sent_at ON delivery (sent_at, campaign, step, variant, contact_id, id);
CREATE INDEX ix_contact_event_type_at_delivery ON contact_event (type, occurred_at, delivery_id);
CREATE INDEX ix_contact_lifecycle_stage ON contact (lifecycle_stage);
