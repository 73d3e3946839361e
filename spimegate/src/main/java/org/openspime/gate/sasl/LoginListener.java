package org.openspime.gate.sasl;

import org.apache.vysper.xmpp.addressing.Entity;

/** Hears every SASL outcome, for metrics and audit logs. Called on the session's thread; keep it short. */
public interface LoginListener {
    LoginListener NONE = new LoginListener() {
        @Override
        public void succeeded(Entity account, String mechanism) {
        }

        @Override
        public void failed(Entity account, String mechanism, SaslFailure reason) {
        }
    };

    /** {@code account} is the authenticated bare JID. */
    void succeeded(Entity account, String mechanism);

    /**
     * {@code account} is the claimed account, or null when the client failed before naming one; {@code mechanism}
     * is null when the client asked for none we offer. A {@link SaslFailure#TEMPORARY_AUTH_FAILURE} means the
     * throttle refused the attempt; the gate may end the stream.
     */
    void failed(Entity account, String mechanism, SaslFailure reason);
}
