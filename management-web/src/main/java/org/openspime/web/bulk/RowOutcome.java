package org.openspime.web.bulk;

import java.util.Optional;

/**
 * What became of one CSV row.
 *
 * @param line     the row's line in the uploaded file
 * @param jid      the JID as written in the row
 * @param issued   true when the identity was created
 * @param message  why not, when it was not; empty otherwise
 * @param password the generated password, present only for issued rows that asked for one
 */
public record RowOutcome(int line, String jid, boolean issued, String message, Optional<String> password) {
}
