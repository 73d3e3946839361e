package org.openspime.gate.federation.stream;

import java.nio.charset.StandardCharsets;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.openspime.gate.stream.XmppStreamEncoder;

/**
 * The XML of server-to-server streams: headers, features, STARTTLS, dialback elements, and stanzas moved
 * between the {@code jabber:client} namespace (local sessions) and {@code jabber:server} (s2s streams).
 * Control elements are small and fixed, so they are written as text here; attribute values are escaped.
 */
public final class S2sXml {
    public static final String SERVER_NS = "jabber:server";
    public static final String CLIENT_NS = "jabber:client";
    public static final String DIALBACK_NS = "jabber:server:dialback";
    public static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";
    public static final String STREAMS_NS = "http://etherx.jabber.org/streams";
    public static final String DIALBACK_FEATURE_NS = "urn:xmpp:features:dialback";
    public static final String STANZA_ERRORS_NS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    public static final String STREAM_ERRORS_NS = "urn:ietf:params:xml:ns:xmpp-streams";
    public static final String SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl";

    private S2sXml() {
    }

    /** An opening stream header (left open); {@code id} only from the receiving side, may be null. */
    public static byte[] header(String from, String to, String id) {
        StringBuilder b = new StringBuilder("<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                + "xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'");
        attribute(b, "from", from);
        attribute(b, "to", to);
        attribute(b, "id", id);
        b.append(" version='1.0'>");
        return utf8(b);
    }

    /** Features before TLS: STARTTLS, required. */
    public static byte[] featuresBeforeTls() {
        return utf8("<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
                + "</stream:features>");
    }

    /** Features after TLS: SASL EXTERNAL if the peer's certificate proves its domain (XEP-0178), dialback. */
    public static byte[] featuresAfterTls(boolean offerExternal) {
        return utf8("<stream:features>"
                + (offerExternal ? "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>EXTERNAL"
                        + "</mechanism></mechanisms>" : "")
                + "<dialback xmlns='urn:xmpp:features:dialback'><errors/></dialback></stream:features>");
    }

    /** Features of the stream restarted after SASL success: nothing left to negotiate. */
    public static byte[] featuresAuthenticated() {
        return utf8("<stream:features/>");
    }

    /** XEP-0178 3: the initiating server asks to be {@code domain} by its certificate. */
    public static byte[] saslExternal(String domain) {
        return utf8("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='EXTERNAL'>"
                + java.util.Base64.getEncoder().encodeToString(domain.getBytes(StandardCharsets.UTF_8)) + "</auth>");
    }

    public static byte[] saslSuccess() {
        return utf8("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
    }

    public static byte[] saslFailure(String condition) {
        return utf8("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><" + condition + "/></failure>");
    }

    public static byte[] startTls() {
        return utf8("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    }

    public static byte[] proceed() {
        return utf8("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    }

    /** {@code <db:result from to>key</db:result>} (originating to receiving server). */
    public static byte[] dialbackRequest(String element, String from, String to, String id, String key) {
        StringBuilder b = new StringBuilder("<db:").append(element);
        attribute(b, "from", from);
        attribute(b, "to", to);
        attribute(b, "id", id);
        b.append('>').append(escape(key)).append("</db:").append(element).append('>');
        return utf8(b);
    }

    /** The answer to a dialback request: {@code type} valid, invalid, or error with a stanza error condition. */
    public static byte[] dialbackAnswer(String element, String from, String to, String id, String type,
                                        String errorCondition) {
        StringBuilder b = new StringBuilder("<db:").append(element);
        attribute(b, "from", from);
        attribute(b, "to", to);
        attribute(b, "id", id);
        attribute(b, "type", type);
        if (errorCondition == null) {
            b.append("/>");
        } else {
            b.append("><error type='cancel'><").append(errorCondition)
                    .append(" xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></db:").append(element)
                    .append('>');
        }
        return utf8(b);
    }

    /** A stream error followed by the end of the stream (RFC 6120 4.9). */
    public static byte[] streamError(String condition, String text) {
        return utf8("<stream:error><" + condition + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/><text "
                + "xmlns='urn:ietf:params:xml:ns:xmpp-streams'>" + escape(text) + "</text></stream:error>");
    }

    public static byte[] streamEnd() {
        return utf8("</stream:stream>");
    }

    /** A local stanza as it goes out on an s2s stream: the same stanza in {@code jabber:server}. */
    public static byte[] outbound(Stanza stanza) {
        return XmppStreamEncoder.render(StanzaBuilder.rewriteNamespace(stanza, CLIENT_NS, SERVER_NS));
    }

    /** A stanza received on an s2s stream as local sessions expect it: in {@code jabber:client}. */
    public static Stanza inbound(Stanza stanza) {
        return StanzaBuilder.rewriteNamespace(stanza, SERVER_NS, CLIENT_NS);
    }

    /** The character data directly inside an element (a dialback key), joined; null if there is none. */
    public static String text(Stanza element) {
        StringBuilder b = new StringBuilder();
        element.getInnerTexts().forEach(t -> b.append(t.getText()));
        String s = b.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static void attribute(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(' ').append(name).append("='").append(escape(value)).append('\'');
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\'' -> b.append("&apos;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static byte[] utf8(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
