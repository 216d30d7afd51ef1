-- The report facts of each send move from channel's delivery table (where V6 added them and V6_1 filled them in) to
-- reporting's own table, written only by reporting (io.nurture.reporting.DeliveryFacts); delivery is then written
-- only by channel. One row per send that has any fact, keyed by the delivery's id and gone with it. It carries the
-- send's contact, campaign, step, variant and sent_at along (none changes once sent, but the contact on a merge,
-- which reporting handles), so the campaign report groups a period's facts from one index without a join.
CREATE TABLE delivery_report (
    delivery_id      VARCHAR(36)  PRIMARY KEY REFERENCES delivery (id) ON DELETE CASCADE,
    contact_id       VARCHAR(36)  NOT NULL,
    campaign         VARCHAR(100),
    step             VARCHAR(100),
    variant          VARCHAR(50),
    sent_at          TIMESTAMP WITH TIME ZONE,
    opened_at        TIMESTAMP WITH TIME ZONE,
    clicked_at       TIMESTAMP WITH TIME ZONE,
    unsubscribed_at  TIMESTAMP WITH TIME ZONE,
    bounced_at       TIMESTAMP WITH TIME ZONE,
    hard_bounced     BOOLEAN      NOT NULL DEFAULT FALSE,
    converted_at     TIMESTAMP WITH TIME ZONE
);

INSERT INTO delivery_report (delivery_id, contact_id, campaign, step, variant, sent_at, opened_at, clicked_at,
                             unsubscribed_at, bounced_at, hard_bounced, converted_at)
SELECT id, contact_id, campaign, step, variant, sent_at, opened_at, clicked_at, unsubscribed_at, bounced_at,
       hard_bounced, converted_at
FROM delivery
WHERE opened_at IS NOT NULL OR clicked_at IS NOT NULL OR unsubscribed_at IS NOT NULL OR bounced_at IS NOT NULL
   OR hard_bounced = TRUE OR converted_at IS NOT NULL;

DROP INDEX ix_delivery_step_facts;
ALTER TABLE delivery DROP COLUMN opened_at;
ALTER TABLE delivery DROP COLUMN clicked_at;
ALTER TABLE delivery DROP COLUMN unsubscribed_at;
ALTER TABLE delivery DROP COLUMN bounced_at;
ALTER TABLE delivery DROP COLUMN hard_bounced;
ALTER TABLE delivery DROP COLUMN converted_at;

-- The year-long campaign report reads each from the index alone: the period's sends per step (in place of
-- ix_delivery_step_facts), and their facts per step.
CREATE INDEX ix_delivery_step_sent ON delivery (campaign, step, variant, sent_at);
CREATE INDEX ix_delivery_report_step_facts ON delivery_report (campaign, step, variant, sent_at, contact_id, opened_at,
    clicked_at, unsubscribed_at, bounced_at, hard_bounced, converted_at);
