package org.openspime.scopenode.ingest;

/**
 * A report not taken in: the queue stayed full for as long as the submitter would wait, or the ScopeNode is
 * shutting down. Nothing was stored; the spime keeps the report in its outbox and retries later.
 */
public final class IngestRefusedException extends RuntimeException {
    public IngestRefusedException(String message) {
        super(message);
    }
}
