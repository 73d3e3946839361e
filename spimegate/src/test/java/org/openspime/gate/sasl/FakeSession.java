package org.openspime.gate.sasl;

import java.util.HashMap;
import java.util.Map;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.server.SessionState;
import org.apache.vysper.xmpp.writer.StanzaWriter;

/** Just enough of a Vysper session for the SASL handlers: state, server JID, attributes, initiating entity. */
final class FakeSession implements SessionContext {
    final SessionStateHolder state = new SessionStateHolder();
    final String address;
    private final Map<String, Object> attributes = new HashMap<>();
    private Entity initiating;

    FakeSession(SessionState initial, String address) {
        state.setState(initial);
        this.address = address;
    }

    @Override public ServerRuntimeContext getServerRuntimeContext() { return null; }
    @Override public boolean isRemotelyInitiatedSession() { return true; }
    @Override public Entity getInitiatingEntity() { return initiating; }
    @Override public void setInitiatingEntity(Entity entity) { initiating = entity; }
    @Override public boolean isServerToServer() { return false; }
    @Override public void setServerToServer() { }
    @Override public void setClientToServer() { }
    @Override public SessionState getState() { return state.getState(); }
    @Override public String getSessionId() { return "s1"; }
    @Override public String getXMLLang() { return null; }
    @Override public void setXMLLang(String languageCode) { }
    @Override public StanzaWriter getResponseWriter() { return null; }
    @Override public void endSession(SessionTerminationCause terminationCause) { }
    @Override public Entity getServerJID() { return EntityImpl.parseUnchecked("gate.example"); }
    @Override public void switchToTLS(boolean delayed, boolean clientTls) { }
    @Override public void setIsReopeningXMLStream() { }
    @Override public String bindResource() { return null; }
    @Override public String nextSequenceValue() { return "1"; }
    @Override public Object putAttribute(String key, Object value) { return attributes.put(key, value); }
    @Override public Object getAttribute(String key) { return attributes.get(key); }
}
