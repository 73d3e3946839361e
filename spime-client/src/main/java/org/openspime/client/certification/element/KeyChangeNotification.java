package org.openspime.client.certification.element;

import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.openspime.certification.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.codec.KeyListCodec;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.Namespaces;

/**
 * The {@code <pubkeys xmlns='urn:xmpp:pubkey:2'/>} a certification service pushes in a headline message when a
 * key of a JID the receiver subscribed to was published, renewed or revoked: the JID's current keys.
 *
 * <p>One that cannot be read still says which JID it is about when its {@code jid} attribute could be read,
 * so the receiver can drop what it cached about that JID (or everything, when not even that is known).
 */
public final class KeyChangeNotification implements ExtensionElement {
    public static final String ELEMENT = "pubkeys";
    public static final String NAMESPACE = Namespaces.PUBKEY;

    private final KeyList keys;
    private final Jid jid;
    private final MalformedElementException malformed;

    public KeyChangeNotification(KeyList keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.jid = keys.jid();
        this.malformed = null;
    }

    public KeyChangeNotification(Jid jidOrNull, MalformedElementException malformed) {
        this.keys = null;
        this.jid = jidOrNull;
        this.malformed = Objects.requireNonNull(malformed, "malformed");
    }

    /** The JID whose keys changed, if known. */
    public Optional<Jid> jid() {
        return Optional.ofNullable(jid);
    }

    /** The JID's current keys (none left when empty), or why they could not be read. */
    public KeyList keys() throws MalformedElementException {
        if (malformed != null) {
            throw malformed;
        }
        return keys;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public CharSequence toXML(XmlEnvironment enclosingNamespace) {
        if (keys == null) {
            throw new IllegalStateException("an unreadable notification cannot be sent: " + malformed.getMessage());
        }
        return KeyListCodec.toXml(keys);
    }
}
