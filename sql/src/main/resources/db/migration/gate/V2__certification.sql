-- Certification (docs/protocol-certification.md): published public keys, the gate's attestations of them, and
-- revocations. Never a private key. Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.
--
-- A key is named by its SHA-256 fingerprint, unique across all JIDs (one key, one JID). Revoked keys are kept
-- forever so that a replayed publication of a revoked key is recognised; expired unrevoked keys may be purged.
-- Times are whole seconds, UTC (what the protocol writes and signs).

CREATE TABLE certification_key (
    fingerprint  VARCHAR(95)              NOT NULL,  -- 32 upper-case hex pairs joined by ':'
    jid          VARCHAR(3071)            NOT NULL,  -- canonical form, as signed
    spki         BYTEA                    NOT NULL,  -- X.509 SubjectPublicKeyInfo, DER
    valid_from   TIMESTAMP WITH TIME ZONE NOT NULL,  -- the <pubkey/>'s begin (inclusive)
    valid_until  TIMESTAMP WITH TIME ZONE NOT NULL,  -- the <pubkey/>'s end (exclusive)
    CONSTRAINT certification_key_pk PRIMARY KEY (fingerprint),
    CONSTRAINT certification_key_validity CHECK (valid_until > valid_from)
);

CREATE INDEX certification_key_by_jid ON certification_key (jid);

CREATE TABLE certification_attestation (
    fingerprint         VARCHAR(95)              NOT NULL,
    seq                 INTEGER                  NOT NULL,  -- order within the record, as answered
    signer              VARCHAR(3071)            NOT NULL,
    signer_fingerprint  VARCHAR(95)              NOT NULL,
    signed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    signature           BYTEA                    NOT NULL,
    CONSTRAINT certification_attestation_pk PRIMARY KEY (fingerprint, seq),
    CONSTRAINT certification_attestation_key FOREIGN KEY (fingerprint)
        REFERENCES certification_key (fingerprint) ON DELETE CASCADE
);

CREATE TABLE certification_revocation (
    fingerprint         VARCHAR(95)              NOT NULL,
    jid                 VARCHAR(3071)            NOT NULL,
    revoked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    reason              VARCHAR(32)              NOT NULL,  -- unspecified | key-compromise | superseded | retired
    signer              VARCHAR(3071)            NOT NULL,
    signer_fingerprint  VARCHAR(95)              NOT NULL,
    signature           BYTEA                    NOT NULL,
    CONSTRAINT certification_revocation_pk PRIMARY KEY (fingerprint),
    CONSTRAINT certification_revocation_key FOREIGN KEY (fingerprint)
        REFERENCES certification_key (fingerprint) ON DELETE CASCADE,
    CONSTRAINT certification_revocation_reason
        CHECK (reason IN ('unspecified', 'key-compromise', 'superseded', 'retired'))
);
