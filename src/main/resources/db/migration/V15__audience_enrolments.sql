-- enrolling a segment's or a list's members in a campaign: the members as they were when it was asked for, each
-- started once, throttled, resumable after a restart (enrolment module)
CREATE TABLE audience_enrolment (
    id             VARCHAR(36)  PRIMARY KEY,
    campaign       VARCHAR(255) NOT NULL,
    audience_type  VARCHAR(10)  NOT NULL,
    audience_id    VARCHAR(36)  NOT NULL,
    audience_name  VARCHAR(200) NOT NULL,
    per_minute     INTEGER      NOT NULL,
    total          INTEGER      NOT NULL,
    state          VARCHAR(12)  NOT NULL,
    requested_by   VARCHAR(100) NOT NULL,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_audience_enrolment_state ON audience_enrolment (state, requested_at);

CREATE TABLE audience_enrolment_member (
    enrolment_id  VARCHAR(36) NOT NULL REFERENCES audience_enrolment (id),
    contact_id    VARCHAR(36) NOT NULL,
    outcome       VARCHAR(12),
    done_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (enrolment_id, contact_id)
);
CREATE INDEX ix_audience_enrolment_member_pending ON audience_enrolment_member (enrolment_id, outcome, contact_id);
CREATE INDEX ix_audience_enrolment_member_contact ON audience_enrolment_member (contact_id);
