package org.openspime.certification.codec;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import org.openspime.certification.Jid;
import org.openspime.certification.TestKeys;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;

/** Values whose XML the codec tests pin. Signatures are arbitrary bytes: the codec does not check them. */
final class Fixtures {

    static final Jid SPIME = Jid.of("4a6b-5638@gate.example/spime");
    static final Jid GATE = Jid.of("certify.gate.example");
    static final Instant BEGIN = Instant.parse("2025-03-01T12:00:00Z");
    static final Instant END = Instant.parse("2026-03-01T12:00:00Z");
    static final Instant SIGNED = Instant.parse("2025-03-01T12:00:05Z");
    static final RSAPublicKey KEY = (RSAPublicKey) TestKeys.SPIME.getPublic();
    static final String KEY_BASE64 = Base64.getEncoder().encodeToString(KEY.getEncoded());
    static final Fingerprint FINGERPRINT = Fingerprint.of(KEY);
    static final Fingerprint GATE_FINGERPRINT = Fingerprint.of(TestKeys.GATE.getPublic());
    static final PubKey PUBKEY = new PubKey(SPIME, KEY, BEGIN, END);
    static final Attestation ATTESTATION = new Attestation(GATE, GATE_FINGERPRINT, SIGNED, new byte[] {1, 2, 3});
    static final Revocation REVOCATION = new Revocation(SPIME, FINGERPRINT, Instant.parse("2025-06-01T08:30:00Z"),
            RevocationReason.KEY_COMPROMISE, GATE, GATE_FINGERPRINT, new byte[] {4, 5, 6});

    static final String PUBKEY_XML = "<pubkey xmlns='urn:xmpp:pubkey:2' jid='4a6b-5638@gate.example/spime'"
            + " begin='2025-03-01T12:00:00Z' end='2026-03-01T12:00:00Z'>"
            + "<key>" + KEY_BASE64 + "</key>"
            + "<fingerprint algo='sha-256'>" + FINGERPRINT + "</fingerprint>"
            + "</pubkey>";
    static final String ATTEST_XML = "<attest xmlns='urn:xmpp:attest:2' signer='certify.gate.example'"
            + " signer-fingerprint='" + GATE_FINGERPRINT + "' signed='2025-03-01T12:00:05Z'>"
            + "<signature algo='rsa-sha256'>AQID</signature></attest>";
    static final String REVOKE_XML = "<revoke xmlns='urn:xmpp:revoke:2' jid='4a6b-5638@gate.example/spime'"
            + " fingerprint='" + FINGERPRINT + "' revoked='2025-06-01T08:30:00Z' reason='key-compromise'"
            + " signer='certify.gate.example' signer-fingerprint='" + GATE_FINGERPRINT + "'>"
            + "<signature algo='rsa-sha256'>BAUG</signature></revoke>";

    private Fixtures() {
    }

    /** {@link #PUBKEY_XML} with {@code from} replaced by {@code to}, for bad-input tests. */
    static String pubkeyXmlWith(String from, String to) {
        if (!PUBKEY_XML.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return PUBKEY_XML.replace(from, to);
    }
}
