package org.openspime.client.report.element;

import java.time.Instant;
import java.util.Objects;
import org.openspime.certification.element.Timestamps;

/**
 * {@code <report xmlns='urn:openspime:report:1' id='…' time='…'>}: the payload of the IQ set a spime sends to a
 * ScopeNode. {@code time} is when it was sealed, whole seconds UTC; it is signed and bound into the ciphertext,
 * and lets a ScopeNode refuse reports older than it remembers ids for.
 */
public record ReportEnvelope(ReportId id, Instant time, Originator originator, Transport transport) {

    public ReportEnvelope {
        Objects.requireNonNull(id, "id");
        time = Timestamps.canonical(Objects.requireNonNull(time, "time"));
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(transport, "transport");
    }

    public boolean signed() {
        return originator.signature().isPresent();
    }

    public boolean encrypted() {
        return transport.encryption() != Encryption.NONE;
    }
}
