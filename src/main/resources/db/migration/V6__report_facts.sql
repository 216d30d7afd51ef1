-- Facts the reports need, written as moves, sends and reactions happen (older rows are filled in by the Java
-- migration V6_1, io.nurture.reporting.V6_1__FillReportFacts; V6_2 indexes them), so a year's funnel, velocity and
-- campaign reports read one row per move or send instead of ordering the whole ledger and joining the tracking
-- events at query time.

-- the contact's next move, set when that move is recorded, and its previous entry into the same stage
ALTER TABLE stage_transition ADD COLUMN next_stage VARCHAR(20);
ALTER TABLE stage_transition ADD COLUMN next_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE stage_transition ADD COLUMN previous_entry_at TIMESTAMP WITH TIME ZONE;

-- the first reaction of each kind to a send, and the contact's first MQL entry at or after it
ALTER TABLE delivery ADD COLUMN opened_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN clicked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN unsubscribed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN bounced_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN hard_bounced BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE delivery ADD COLUMN converted_at TIMESTAMP WITH TIME ZONE;
