package org.openspime.client.outbox;

/** The outbox is at its limit: the report was not queued (nothing was dropped to make room). */
public final class OutboxFullException extends Exception {

    public OutboxFullException(String message) {
        super(message);
    }
}
