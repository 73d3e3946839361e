package org.openspime.gate.federation.inbound;

import org.apache.vysper.xmpp.stanza.Stanza;

/** Where accepted inbound stanzas go (the local relay), and how a refused one is answered. */
public interface InboundDelivery {
    /** Delivers a stanza (already in {@code jabber:client}) to its local recipient. */
    void deliver(Stanza stanza);

    /** Answers a stanza with an error, if the rules allow one. */
    void bounce(Stanza stanza, String condition, String text);
}
