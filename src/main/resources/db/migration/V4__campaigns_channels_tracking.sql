-- Campaigns and channels: send claims and delays, suppression, time zones, date triggers, A/B splits, in-app inbox.

-- a send in flight is claimed (claimed_at); a send held back by quiet hours or the frequency cap waits (not_before)
ALTER TABLE delivery ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN not_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN transactional BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_delivery_contact_sent ON delivery (contact_id, channel, sent_at);

-- why a contact gets no more marketing: HARD_BOUNCE, COMPLAINT, SUNSET (unsubscribed and disqualified live on contact)
CREATE TABLE contact_suppression (
    contact_id  VARCHAR(36)  NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    reason      VARCHAR(20)  NOT NULL,
    detail      VARCHAR(200),
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (contact_id, reason)
);

-- the contact's IANA time zone, for SMS quiet hours
CREATE TABLE contact_time_zone (
    contact_id  VARCHAR(36)  PRIMARY KEY REFERENCES contact (id) ON DELETE CASCADE,
    time_zone   VARCHAR(64)  NOT NULL
);

-- date properties of a contact (birthday, contractRenewal, expiry) and which occurrence already fired a campaign
CREATE TABLE contact_date (
    contact_id  VARCHAR(36)  NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    name        VARCHAR(50)  NOT NULL,
    date_value  DATE         NOT NULL,
    PRIMARY KEY (contact_id, name)
);
CREATE TABLE date_trigger_fired (
    contact_id  VARCHAR(36)  NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    name        VARCHAR(50)  NOT NULL,
    occurrence  DATE         NOT NULL,
    fired_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (contact_id, name, occurrence)
);

-- every A/B split assignment: which branch a contact took in which split of which campaign instance
CREATE TABLE ab_assignment (
    process_instance_id VARCHAR(64)  NOT NULL,
    split_id            VARCHAR(100) NOT NULL,
    contact_id          VARCHAR(36)  NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    campaign            VARCHAR(100) NOT NULL,
    variant             VARCHAR(50)  NOT NULL,
    assigned_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (process_instance_id, split_id)
);
CREATE INDEX ix_ab_assignment_campaign ON ab_assignment (campaign, split_id, variant);

-- in-app notifications, one per delivery
CREATE TABLE notification (
    id           VARCHAR(36)  PRIMARY KEY,
    contact_id   VARCHAR(36)  NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    delivery_id  VARCHAR(36)  NOT NULL UNIQUE,
    title        VARCHAR(200) NOT NULL,
    body         VARCHAR(2000),
    link         VARCHAR(1000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_notification_contact ON notification (contact_id, created_at);
