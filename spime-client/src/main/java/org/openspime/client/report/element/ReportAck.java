package org.openspime.client.report.element;

import java.util.Objects;

/**
 * {@code <ack xmlns='urn:openspime:report:1' id='…' readings='n'/>}, the payload of the IQ result a ScopeNode
 * sends once the report is durably committed. {@code duplicate} says the id had already been stored (a retry
 * whose first answer was lost): the spime drops it from its outbox all the same.
 */
public record ReportAck(ReportId id, int readings, boolean duplicate) {

    public ReportAck {
        Objects.requireNonNull(id, "id");
        if (readings < 0) {
            throw new IllegalArgumentException("readings cannot be negative");
        }
    }
}
