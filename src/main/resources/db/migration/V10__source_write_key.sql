-- Sources created by an admin through /api/sources (io.nurture.source), next to those set by configuration
-- (nurture.sources.<name>.*), and their write keys. A key is stored only as its SHA-256 (hex) with a short hint, the
-- first characters, so an admin can tell keys apart in the list; the key itself was shown once, when created.
CREATE TABLE source (
    name        VARCHAR(40)  PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(100) NOT NULL
);

-- the browser origins (scheme://host[:port]) a source may post from; the tracking API's CORS allows their union
CREATE TABLE source_origin (
    source_name  VARCHAR(40)  NOT NULL REFERENCES source (name) ON DELETE CASCADE,
    origin       VARCHAR(200) NOT NULL,
    PRIMARY KEY (source_name, origin)
);
CREATE INDEX ix_source_origin_origin ON source_origin (origin);

-- a revoked key keeps its row (who revoked it and when, for the list) and stops working at once
CREATE TABLE source_write_key (
    key_id       VARCHAR(36)  PRIMARY KEY,
    source_name  VARCHAR(40)  NOT NULL REFERENCES source (name) ON DELETE CASCADE,
    key_hash     VARCHAR(64)  NOT NULL UNIQUE,
    hint         VARCHAR(8)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    revoked_by   VARCHAR(100)
);
CREATE INDEX ix_source_write_key_source ON source_write_key (source_name);
