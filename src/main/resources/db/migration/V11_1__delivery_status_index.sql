-- the deferred-send backlog of the metrics (nurture_sends_deferred) counts the DELAYED rows per channel from this
-- index instead of reading every delivery
CREATE INDEX ix_delivery_status ON delivery (status, channel);
