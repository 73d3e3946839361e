package org.openspime.certification.element;

/** The XML namespaces of the certification protocol. */
public final class Namespaces {

    /** XEP-0189 public keys: {@code <pubkey/>} and the {@code <pubkeys/>} query, result and notification. */
    public static final String PUBKEY = "urn:xmpp:pubkey:2";
    /** XEP-0189 attestations: {@code <attest/>}, always a child of the {@code <pubkey/>} it attests. */
    public static final String ATTEST = "urn:xmpp:attest:2";
    /** XEP-0189 revocations: {@code <revoke/>}, as request (unsigned) and as notice (signed by the gate). */
    public static final String REVOKE = "urn:xmpp:revoke:2";
    /** The 2008 OpenSpime key query, answered for older tools. */
    public static final String LEGACY_PUBKEY = "urn:xmpp:tmp:pubkey";

    private Namespaces() {
    }
}
