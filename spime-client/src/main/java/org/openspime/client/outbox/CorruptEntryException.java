package org.openspime.client.outbox;

import java.io.IOException;

/** An outbox file that does not read back as an entry (torn, truncated, edited, wrong checksum). */
final class CorruptEntryException extends IOException {

    CorruptEntryException(String message) {
        super(message);
    }

    CorruptEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}
