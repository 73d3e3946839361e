package org.openspime.gate.certification;

import java.util.List;
import java.util.Optional;
import org.openspime.certification.BadSignatureException;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.UntrustedAttestorException;
import org.openspime.certification.attestation.AttestationVerifier;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import java.util.Objects;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.codec.KeyListCodec;
import org.openspime.certification.codec.LegacyKeyListCodec;
import org.openspime.certification.codec.PubKeyCodec;
import org.openspime.certification.codec.RevocationCodec;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.Namespaces;
import org.openspime.certification.service.CertificationService;
import org.openspime.certification.service.KeySubscriptions;

/**
 * The certification service's IQ vocabulary, transport aside: which child, in which IQ type, does what, for
 * an already authenticated sender. Takes and returns the child's XML, so the codecs stay the only place that
 * knows the protocol's XML and this class can be tested without a server.
 *
 * <ul>
 * <li>set {@code <pubkey xmlns='urn:xmpp:pubkey:2'/>}: publish; answers the attested record</li>
 * <li>get {@code <pubkeys xmlns='urn:xmpp:pubkey:2' jid='…' [subscribe='…']/>}: query (and subscribe)</li>
 * <li>set {@code <revoke xmlns='urn:xmpp:revoke:2'/>}: revoke one's own key; answers the signed revocation</li>
 * <li>get {@code <pubkeys xmlns='urn:xmpp:tmp:pubkey' jid='…'/>}: the 2008 query</li>
 * </ul>
 *
 * <p>A subscription is applied before the query is answered, and kept when the answer is item-not-found: a
 * client that subscribes to a JID with no key yet hears of its first key, and nothing published between the
 * answer and the subscription can be missed.
 */
final class CertificationRequests {

    /** An IQ this service does not offer (unknown child, or a known one in the wrong IQ type). */
    static final class Unsupported extends Exception {
        private final boolean knownPayload;

        Unsupported(String message, boolean knownPayload) {
            super(message);
            this.knownPayload = knownPayload;
        }

        /** True when the payload is ours but the IQ type is wrong (feature-not-implemented, else service-unavailable). */
        boolean knownPayload() {
            return knownPayload;
        }
    }

    private final CertificationService service;
    private final KeySubscriptions subscriptions;
    private final AttestationVerifier ownAttestations;

    /**
     * @param ownAttestations verifies attestations against this gate's certification key: a publication may
     *                        carry only attestations this gate made (a re-publication of the stored form)
     */
    private final CertificationMeters meters;

    CertificationRequests(CertificationService service, KeySubscriptions subscriptions,
                          AttestationVerifier ownAttestations, CertificationMeters meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.service = Objects.requireNonNull(service, "service");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.ownAttestations = Objects.requireNonNull(ownAttestations, "ownAttestations");
    }

    /**
     * The key of a publication, after refusing what a publisher cannot bring: an attestation this gate did not
     * make for exactly this key and validity (forged, or replayed from another key: {@code not-acceptable}), or
     * a revocation ({@code bad-request}: revoking is its own request).
     */
    private PubKey publication(String childXml) throws CertificationException {
        KeyRecord offered = PubKeyCodec.parse(childXml);
        if (offered.revocation().isPresent()) {
            throw new MalformedElementException("a publication carries no <revoke/>: send a revocation request");
        }
        for (Attestation attestation : offered.attestations()) {
            try {
                ownAttestations.verifyTrust(new KeyRecord(offered.pubKey(), List.of(attestation), Optional.empty()));
            } catch (UntrustedAttestorException | BadSignatureException e) {
                throw new BadSignatureException("the publication carries an attestation that this gate did not make"
                        + " for this key and validity (forged or replayed): " + e.getMessage());
            }
        }
        return offered.pubKey();
    }

    /**
     * Answers an IQ get or set.
     *
     * @param sender    the authenticated sender (the session's bound full JID)
     * @param type      {@code get} or {@code set}
     * @param namespace the child's namespace
     * @param name      the child's local name
     * @param childXml  the child element as XML text
     * @return the result's child element as XML text
     * @throws CertificationException the refusal, carrying its stanza error
     */
    String answer(Jid sender, String type, String namespace, String name, String childXml)
            throws CertificationException, Unsupported {
        boolean get = "get".equals(type);
        boolean set = "set".equals(type);
        if (Namespaces.PUBKEY.equals(namespace) && "pubkey".equals(name)) {
            requireType(set, "publishing a key is an IQ set");
            return PubKeyCodec.toXml(service.publish(sender, publication(childXml)));
        }
        if (Namespaces.PUBKEY.equals(namespace) && "pubkeys".equals(name)) {
            requireType(get, "a key query is an IQ get");
            KeyQuery query = KeyListCodec.parseQuery(childXml);
            subscriptions.apply(sender, query);
            String answer = KeyListCodec.toXml(service.query(query.jid()));
            meters.queryAnswered();
            return answer;
        }
        if (Namespaces.REVOKE.equals(namespace) && "revoke".equals(name)) {
            requireType(set, "revoking a key is an IQ set");
            return RevocationCodec.toXml(service.revoke(sender, RevocationCodec.parseRequest(childXml)));
        }
        if (Namespaces.LEGACY_PUBKEY.equals(namespace) && "pubkeys".equals(name)) {
            requireType(get, "the 2008 key query is an IQ get");
            String answer = LegacyKeyListCodec.toXml(service.legacyQuery(LegacyKeyListCodec.parseQuery(childXml)));
            meters.queryAnswered();
            return answer;
        }
        throw new Unsupported("the certification service does not handle <" + name + " xmlns='" + namespace + "'/>", false);
    }

    private static void requireType(boolean ok, String message) throws Unsupported {
        if (!ok) {
            throw new Unsupported(message, true);
        }
    }
}
