package org.openspime.gate.console;

import java.util.List;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;

/**
 * The key directory of a gate that runs no certification service: it holds no keys and can revoke none, and
 * says so. Listing and revoking are refused with {@link #MESSAGE} rather than answered with an empty list, so
 * the console does not tell an operator that an entity has no key when the gate simply cannot know.
 */
public final class CertificationNotEnabled implements GateKeyDirectory {
    public static final String MESSAGE = "The certification service is not enabled on this gate, so it holds no"
            + " published keys to show or revoke.";

    @Override
    public List<KeyRecord> keysOf(Jid jid) {
        throw new NotEnabled();
    }

    @Override
    public Revocation revoke(Fingerprint fingerprint, RevocationReason reason) throws CertificationException {
        throw new NotEnabled();
    }

    /** Thrown by every call; the console adapter turns it into a refusal carrying {@link #MESSAGE}. */
    public static final class NotEnabled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotEnabled() {
            super(MESSAGE);
        }
    }
}
