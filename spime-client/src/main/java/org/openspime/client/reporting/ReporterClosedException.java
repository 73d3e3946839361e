package org.openspime.client.reporting;

/** The reporter was closed before the report was acknowledged or refused; the report is still in the outbox. */
public final class ReporterClosedException extends IllegalStateException {

    public ReporterClosedException(String message) {
        super(message);
    }
}
