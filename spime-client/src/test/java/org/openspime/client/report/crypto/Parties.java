package org.openspime.client.report.crypto;

import static org.openspime.client.report.Fixtures.MALLORY;
import static org.openspime.client.report.Fixtures.MALLORY_KEYS;
import static org.openspime.client.report.Fixtures.SCOPE;
import static org.openspime.client.report.Fixtures.SCOPENODE_KEYS;
import static org.openspime.client.report.Fixtures.SNID;
import static org.openspime.client.report.Fixtures.SPIME;
import static org.openspime.client.report.Fixtures.SPIME_KEYS;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.report.Fixtures;
import org.openspime.client.report.SenderKeyUnavailableException;

/** A spime, Mallory and a ScopeNode wired together with in-memory certified keys. */
final class Parties {

    static final Clock CLOCK = Clock.fixed(Fixtures.T0.plusSeconds(5), ZoneOffset.UTC);
    static final Recipient SCOPENODE = Recipient.of(SNID, (RSAPublicKey) SCOPENODE_KEYS.getPublic());
    static final Map<Jid, KeyPair> CERTIFIED = Map.of(SPIME, SPIME_KEYS, MALLORY, MALLORY_KEYS);

    /** Certified keys as a KeyVerifier would hand them out: only the key a JID published, by its fingerprint. */
    static final SenderKeys SENDER_KEYS = (sender, fingerprint, at) -> {
        KeyPair pair = CERTIFIED.get(sender);
        if (pair == null || !Fingerprint.of(pair.getPublic()).equals(fingerprint)) {
            throw new SenderKeyUnavailableException(sender + " has no certified key " + fingerprint);
        }
        return (RSAPublicKey) pair.getPublic();
    };

    private Parties() {
    }

    static ReportSealer sealer(SessionKeyPolicy policy) {
        return new ReportSealer(SPIME, Optional.of(SigningKey.of(SPIME_KEYS)), policy, CLOCK, new SecureRandom());
    }

    static ReportSealer sealer() {
        return sealer(SessionKeyPolicy.DEFAULT);
    }

    static ReportSealer mallory() {
        return new ReportSealer(MALLORY, Optional.of(SigningKey.of(MALLORY_KEYS)), SessionKeyPolicy.DEFAULT, CLOCK, new SecureRandom());
    }

    static ReportOpener opener(ScopeRequirements requirements, TransportKeyCache cache) {
        return new ReportOpener(SNID, requirements, RecipientKeys.of(SCOPENODE_KEYS), SENDER_KEYS, cache, CLOCK);
    }

    static ReportOpener opener() {
        return opener(ScopeRequirements.strict(SCOPE), new TransportKeyCache());
    }
}
