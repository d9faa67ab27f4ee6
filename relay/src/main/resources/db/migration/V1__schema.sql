-- Fieldlink relay schema. Portable SQL: the same file runs on H2 2.x and PostgreSQL 13+.
-- Times are TIMESTAMP WITH TIME ZONE in UTC; ids are strings chosen by the relay.

CREATE TABLE technicians (
    id                    VARCHAR(64)  NOT NULL PRIMARY KEY,
    username              VARCHAR(64)  NOT NULL,
    display_name          VARCHAR(200) NOT NULL,
    company               VARCHAR(200) NOT NULL,
    roles                 VARCHAR(200) NOT NULL,
    state                 VARCHAR(16)  NOT NULL,
    undertaking_signed_on DATE,
    photo_png             BYTEA,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT technicians_username_unique UNIQUE (username)
);

-- The password hash (Argon2id PHC string) and the TOTP secret sealed with the relay's secret cipher: never clear.
CREATE TABLE credentials (
    technician_id  VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES technicians (id),
    password_hash  VARCHAR(512) NOT NULL,
    totp_secret    VARCHAR(512) NOT NULL,
    last_totp_step BIGINT,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE technician_regions (
    technician_id VARCHAR(64) NOT NULL REFERENCES technicians (id),
    region        VARCHAR(64) NOT NULL,
    PRIMARY KEY (technician_id, region)
);

CREATE TABLE certifications (
    technician_id VARCHAR(64) NOT NULL REFERENCES technicians (id),
    product_line  VARCHAR(64) NOT NULL,
    expires_on    DATE        NOT NULL,
    PRIMARY KEY (technician_id, product_line)
);

-- Refresh tokens are stored as SHA-256 hashes only.
CREATE TABLE refresh_tokens (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    family_id  VARCHAR(64) NOT NULL,
    user_id    VARCHAR(64) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at TIMESTAMP WITH TIME ZONE,
    revoked    BOOLEAN     NOT NULL
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE machines (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    serial              VARCHAR(100)  NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    customer            VARCHAR(200)  NOT NULL,
    site                VARCHAR(200)  NOT NULL,
    region              VARCHAR(64)   NOT NULL,
    product_line        VARCHAR(64)   NOT NULL,
    model               VARCHAR(100)  NOT NULL,
    remote_service      BOOLEAN       NOT NULL,
    file_transfer       BOOLEAN       NOT NULL,
    data_upload         BOOLEAN       NOT NULL,
    max_session_minutes INTEGER       NOT NULL,
    public_key          VARCHAR(2000),
    key_fingerprint     VARCHAR(100),
    last_seen           TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One-time provisioning codes, stored as SHA-256 hashes.
CREATE TABLE enrolment_codes (
    code_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    machine_id VARCHAR(64) NOT NULL REFERENCES machines (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE sessions (
    id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    machine_id         VARCHAR(64)   NOT NULL REFERENCES machines (id),
    technician_id      VARCHAR(64)   NOT NULL REFERENCES technicians (id),
    state              VARCHAR(20)   NOT NULL,
    reason             VARCHAR(1000) NOT NULL,
    case_number        VARCHAR(100),
    requested_minutes  INTEGER       NOT NULL,
    granted_minutes    INTEGER,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    consent_deadline   TIMESTAMP WITH TIME ZONE,
    started_at         TIMESTAMP WITH TIME ZONE,
    expires_at         TIMESTAMP WITH TIME ZONE,
    ended_at           TIMESTAMP WITH TIME ZONE,
    end_cause          VARCHAR(32),
    operator_name      VARCHAR(200),
    extension_minutes  INTEGER,
    extension_deadline TIMESTAMP WITH TIME ZONE,
    -- the machine id while the session is PENDING_CONSENT or ACTIVE, else NULL: one live session per machine
    live_machine       VARCHAR(64),
    CONSTRAINT sessions_one_live_per_machine UNIQUE (live_machine)
);
CREATE INDEX sessions_technician ON sessions (technician_id);
CREATE INDEX sessions_machine ON sessions (machine_id);
CREATE INDEX sessions_created ON sessions (created_at);

-- Append-only, hash-chained per stream: the relay's own stream 'relay' and one 'agent:<machineId>' per machine.
CREATE TABLE audit_events (
    stream      VARCHAR(128)   NOT NULL,
    sequence    BIGINT         NOT NULL,
    type        VARCHAR(64)    NOT NULL,
    actor       VARCHAR(200),
    subject     VARCHAR(200),
    session_id  VARCHAR(64),
    event_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    details     VARCHAR(65536) NOT NULL,
    prev_hash   CHAR(64)       NOT NULL,
    hash        CHAR(64)       NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (stream, sequence)
);
CREATE INDEX audit_events_session ON audit_events (session_id);

-- Recording metadata; the bytes are files in the recordings directory. Each screen channel of a session is one
-- segment (a viewer that reconnects starts a new one).
CREATE TABLE recordings (
    session_id  VARCHAR(64)  NOT NULL REFERENCES sessions (id),
    segment     INTEGER      NOT NULL,
    file_name   VARCHAR(200) NOT NULL,
    bytes       BIGINT       NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (session_id, segment)
);
