-- Each year-long report reads one of these from the index alone (created after V6_1 has filled the facts in):
-- the funnel groups entries by stage, velocity finds the moves made in a period, the campaign report groups sends by
-- step with their reactions.
CREATE INDEX ix_stage_transition_funnel ON stage_transition (to_stage, at, entry, next_stage, previous_entry_at);
CREATE INDEX ix_stage_transition_next_at ON stage_transition (next_at, to_stage, next_stage, at);
CREATE INDEX ix_delivery_step_facts ON delivery (campaign, step, variant, sent_at, contact_id, opened_at, clicked_at,
    unsubscribed_at, bounced_at, hard_bounced, converted_at);

-- the campaign report no longer joins tracking events to sends; (type, occurred_at) from V2 serves the rest
DROP INDEX ix_contact_event_type_at_delivery;
