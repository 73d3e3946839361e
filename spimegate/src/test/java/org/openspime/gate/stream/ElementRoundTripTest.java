package org.openspime.gate.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.AbstractProtocolDecoderOutput;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.junit.jupiter.api.Test;

/**
 * A stanza as the gate decodes it, stamps it with its sender (as the relay does) and writes it out again: every
 * element keeps its namespace. Pinned because a routed error's {@code <text/>} once arrived without its namespace
 * at a Smack client; the cause was Smack's writer (see docs/protocol-report.md, "Errors"), not the gate.
 */
class ElementRoundTripTest {

    private static final String ERROR = "<iq xmlns='jabber:client' to='spime@gate.test/s' id='e1' type='error'>"
            + "<error type='modify'><not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
            + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>too high</text>"
            + "<inconsistent-data-with-scope xmlns='urn:openspime:report:1'/></error></iq>";

    @Test
    void aRelayedErrorKeepsTheNamespacesOfItsConditionTextAndApplicationCondition() throws Exception {
        Stanza decoded = decode(ERROR);
        Stanza forwarded = StanzaBuilder.createForward(decoded, EntityImpl.parse("node@gate.test/co2"), null).build();
        String out = new String(XmppStreamEncoder.render(forwarded), StandardCharsets.UTF_8);
        assertThat(out)
                .contains("from=\"node@gate.test/co2\"")
                .contains("<not-acceptable xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\">")
                .contains("<text xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\" xml:lang=\"en\">too high</text>")
                .contains("<inconsistent-data-with-scope xmlns=\"urn:openspime:report:1\">");
    }

    @Test
    void attributeOrderDoesNotMatter() {
        Stanza decoded = decode(ERROR.replace("<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>",
                "<text xml:lang='en' xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>"));
        assertThat(new String(XmppStreamEncoder.render(decoded), StandardCharsets.UTF_8))
                .contains("<text xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\" xml:lang=\"en\">too high</text>");
    }

    private static Stanza decode(String stanza) {
        XmppStreamDecoder decoder = new XmppStreamDecoder(65_536);
        List<Object> decoded = new ArrayList<>();
        AbstractProtocolDecoderOutput out = new AbstractProtocolDecoderOutput() {
            @Override
            public void write(Object message) {
                decoded.add(message);
            }
        };
        String header = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                + " to='gate.test' version='1.0'>";
        decoder.decode((IoSession) null, IoBuffer.wrap((header + stanza).getBytes(StandardCharsets.UTF_8)), out);
        return (Stanza) decoded.stream().filter(o -> o instanceof Stanza s && "iq".equals(s.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("decoded " + decoded));
    }
}
