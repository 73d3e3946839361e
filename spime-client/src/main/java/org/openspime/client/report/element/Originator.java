package org.openspime.client.report.element;

import java.util.Objects;
import java.util.Optional;
import org.openspime.certification.Jid;

/** Who sends the report (its SpimeID, a full JID) and, unless the scope allows unsigned reports, its signature. */
public record Originator(Jid jid, Optional<OriginatorSignature> signature) {

    public Originator {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(signature, "signature");
    }
}
