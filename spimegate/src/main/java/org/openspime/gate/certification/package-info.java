/**
 * The gate's certification service on XMPP: a Vysper module that is also a component at
 * {@code certification.<domain>}, wiring IQs to {@link org.openspime.certification.service.CertificationService}.
 *
 * <p>{@link org.openspime.gate.certification.GateCertification} assembles it: the gate's certification key
 * ({@link org.openspime.gate.certification.GateCertificationKey}, kept in the data directory), the service, the
 * module ({@link org.openspime.gate.certification.CertificationModule}: disco, the IQ handler, the component's
 * stanza processor) and the change notifications ({@link org.openspime.gate.certification.KeyChangePusher}).
 *
 * <p>Who is asking: the handler takes the sender from the session's bound full JID, never from the stanza's
 * {@code from}, so a client cannot publish or revoke for another OSID of its own account (Vysper lets a client
 * name any resource its account has bound). Subscriptions end with the session: the gate's resource registry tells
 * the pusher when a binding ends.
 */
package org.openspime.gate.certification;
