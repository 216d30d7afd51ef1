-- Static lists (io.nurture.lists) and contact import (io.nurture.imports).

CREATE TABLE contact_list (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL UNIQUE,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE contact_list_member (
    list_id     VARCHAR(36)  NOT NULL REFERENCES contact_list (id),
    contact_id  VARCHAR(36)  NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    added_by    VARCHAR(100) NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (list_id, contact_id)
);
CREATE INDEX ix_contact_list_member_contact ON contact_list_member (contact_id);

-- one upload: its mapping, its progress (rows done, counted per chunk in the chunk's transaction) and its report
CREATE TABLE contact_import (
    id              VARCHAR(36)  PRIMARY KEY,
    file_name       VARCHAR(200),
    mapping         VARCHAR(4000) NOT NULL,
    start_campaigns BOOLEAN      NOT NULL,
    dry_run         BOOLEAN      NOT NULL,
    list_id         VARCHAR(36)  REFERENCES contact_list (id),
    status          VARCHAR(20)  NOT NULL,
    total_rows      INTEGER      NOT NULL,
    processed_rows  INTEGER      NOT NULL DEFAULT 0,
    created_rows    INTEGER      NOT NULL DEFAULT 0,
    updated_rows    INTEGER      NOT NULL DEFAULT 0,
    unchanged_rows  INTEGER      NOT NULL DEFAULT 0,
    refused_rows    INTEGER      NOT NULL DEFAULT 0,
    failure         VARCHAR(1000),
    created_by      VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    lease_until     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_contact_import_status ON contact_import (status);

-- the uploaded CSV, as decoded text in parts, until the import has run through it (then deleted)
CREATE TABLE contact_import_part (
    import_id  VARCHAR(36) NOT NULL REFERENCES contact_import (id),
    part       INTEGER     NOT NULL,
    content    TEXT        NOT NULL,
    PRIMARY KEY (import_id, part)
);

-- the rows an import refused, with the reason; the e-mail cell as given (an erasure deletes its rows)
CREATE TABLE contact_import_error (
    import_id   VARCHAR(36)  NOT NULL REFERENCES contact_import (id),
    row_number  INTEGER      NOT NULL,
    email       VARCHAR(320),
    reason      VARCHAR(500) NOT NULL,
    PRIMARY KEY (import_id, row_number)
);
CREATE INDEX ix_contact_import_error_email ON contact_import_error (email);
