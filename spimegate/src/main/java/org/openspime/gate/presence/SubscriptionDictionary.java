package org.openspime.gate.presence;

import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.engine.SingleHandlerDictionary;

/** Claims {@code subscribe} and {@code subscribed} presence for {@link SubscriptionHandler}; other presence stays Vysper's. */
public final class SubscriptionDictionary extends SingleHandlerDictionary {

    public SubscriptionDictionary() {
        super(new SubscriptionHandler());
    }

    @Override
    protected boolean claims(Stanza stanza) {
        if (!"presence".equals(stanza.getName())) {
            return false;
        }
        String type = stanza.getAttributeValue("type");
        return "subscribe".equals(type) || "subscribed".equals(type);
    }
}
