/**
 * What a certification gate signs and how anyone checks it: the canonical bytes of attestations and
 * revocations ({@link org.openspime.certification.attestation.SignedBytes}), the gate-side
 * {@link org.openspime.certification.attestation.Attestor}, and the verifier-side
 * {@link org.openspime.certification.attestation.AttestationVerifier} that accepts a key only when a gate
 * listed in the configured {@link org.openspime.certification.attestation.TrustAnchors} attested it.
 */
package org.openspime.certification.attestation;
