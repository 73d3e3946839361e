-- The gate's scope directory: what each ScopeNode last announced about its scope (urn:openspime:scope-directory:1).
-- Same portable subset as V1 (runs on PostgreSQL 15 and on H2 in PostgreSQL mode).

-- One row per SNID (a full JID registered as a SCOPENODE OSID); deleting the OSID drops its announcement.
-- Lengths follow the protocol: name at most 128 characters, description at most 1024.
CREATE TABLE scope_directory (
    snid         VARCHAR(3071) NOT NULL PRIMARY KEY REFERENCES osids (jid) ON DELETE CASCADE,
    name         VARCHAR(128)  NOT NULL,
    visibility   VARCHAR(16)   NOT NULL CHECK (visibility IN ('public', 'private')),
    description  VARCHAR(1024) NOT NULL,
    announced_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The listing reads public scopes by name.
CREATE INDEX scope_directory_visibility_name ON scope_directory (visibility, name);
