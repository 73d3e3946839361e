package org.openspime.certification.attestation;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openspime.certification.Jid;
import org.openspime.certification.KeyTooShortException;
import org.openspime.certification.MalformedKeyException;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.RsaKeys;

/**
 * The certification gates a verifier trusts — the OpenSpime spec's "list of authorized SpimeGates
 * providing certification services" — each with the public key(s) it signs with. A gate may list
 * several keys so that its certification key can be rotated without a flag day.
 *
 * <p>Immutable; a configuration change builds a new instance and swaps it in.
 */
public final class TrustAnchors {

    private final Map<Jid, Map<Fingerprint, RSAPublicKey>> anchors;

    private TrustAnchors(Map<Jid, Map<Fingerprint, RSAPublicKey>> anchors) {
        this.anchors = anchors;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The key with {@code fingerprint} if {@code signer} is a trusted gate using it. */
    public Optional<RSAPublicKey> key(Jid signer, Fingerprint fingerprint) {
        Map<Fingerprint, RSAPublicKey> keys = anchors.get(signer);
        return keys == null ? Optional.empty() : Optional.ofNullable(keys.get(fingerprint));
    }

    public boolean trusts(Jid signer) {
        return anchors.containsKey(signer);
    }

    public Set<Jid> gates() {
        return anchors.keySet();
    }

    /** Collects anchors; rejects keys that would be refused anywhere else. */
    public static final class Builder {

        private final Map<Jid, Map<Fingerprint, RSAPublicKey>> anchors = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder trust(Jid gate, PublicKey key) throws MalformedKeyException, KeyTooShortException {
            RSAPublicKey rsa = RsaKeys.requireAcceptable(key);
            anchors.computeIfAbsent(gate, g -> new LinkedHashMap<>()).put(Fingerprint.of(rsa), rsa);
            return this;
        }

        public TrustAnchors build() {
            Map<Jid, Map<Fingerprint, RSAPublicKey>> copy = new HashMap<>();
            anchors.forEach((gate, keys) -> copy.put(gate, Map.copyOf(keys)));
            return new TrustAnchors(Map.copyOf(copy));
        }
    }
}
