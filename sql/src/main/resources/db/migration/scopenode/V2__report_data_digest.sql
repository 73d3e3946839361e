-- Replay detection (docs/protocol-report.md, section 6). A report is keyed on (spime, report id); a retry carries
-- the same data document, a replay other content under the same id. The SHA-256 of the report's data document
-- (the decrypted plaintext, so a report resealed under a new transport key keeps its digest) is kept on the row of
-- its first reading only: 32 bytes per report, not per reading. Null for rows stored before this column existed
-- and for reports stored without a digest; those ids are treated as retries whatever the content.
ALTER TABLE readings ADD COLUMN data_digest BYTEA;
