package org.openspime.certification.attestation;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import org.openspime.certification.Jid;
import org.openspime.certification.KeyTooShortException;
import org.openspime.certification.MalformedKeyException;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.RsaKeys;

/**
 * The key pair a certification service signs with, and the JID it signs as. The gate loads it from its
 * data directory (a {@link org.openspime.certification.keys.LocalKeyStore}); only the public half leaves.
 */
public final class CertificationKey {

    private final Jid jid;
    private final KeyPair keyPair;
    private final RSAPublicKey publicKey;
    private final Fingerprint fingerprint;

    public CertificationKey(Jid jid, KeyPair keyPair) throws KeyTooShortException, MalformedKeyException {
        this.jid = Objects.requireNonNull(jid, "jid");
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
        this.publicKey = RsaKeys.requireAcceptable(keyPair.getPublic());
        this.fingerprint = Fingerprint.of(publicKey);
    }

    public Jid jid() {
        return jid;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    KeyPair keyPair() {
        return keyPair;
    }
}
