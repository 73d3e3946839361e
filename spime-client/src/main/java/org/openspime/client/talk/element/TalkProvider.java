package org.openspime.client.talk.element;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.openspime.client.xmpp.ConditionElementProvider;
import org.openspime.client.talk.TalkCondition;
import org.openspime.certification.Jid;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;

/**
 * Reads {@code <talk/>}. Everything signed must be read back as the exact text that was signed: JIDs and fingerprints
 * in canonical form, time as whole-second UTC; any other spelling makes the element unreadable (malformed-talk).
 */
public final class TalkProvider extends ExtensionElementProvider<TalkElement> {

    private static boolean registered;

    public static synchronized void register() {
        if (!registered) {
            ProviderManager.addExtensionProvider(TalkElement.ELEMENT, TalkElement.NAMESPACE, new TalkProvider());
            for (TalkCondition c : org.openspime.client.talk.TalkCondition.values()) {
                ConditionElementProvider.register(c.element(), TalkElement.NAMESPACE);
            }
            registered = true;
        }
    }

    @Override
    public TalkElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        String id = parser.getAttributeValue("", "id");
        Fields f = new Fields();
        String problem = null;
        try {
            f.time = canonicalTime(parser.getAttributeValue("", "time"));
            f.from = canonicalJid(parser.getAttributeValue("", "from"), "from");
            f.to = canonicalJid(parser.getAttributeValue("", "to"), "to");
            if (id == null || id.isEmpty() || id.length() > 64) {
                throw new IllegalArgumentException("talk 'id' must be 1-64 characters");
            }
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                break;
            }
            if (event != XmlPullParser.Event.START_ELEMENT || problem != null) {
                continue;
            }
            try {
                child(parser, f);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem == null && f.payload == null) {
            problem = "<talk/> lacks its <payload/>";
        }
        if (problem == null && (f.wrapped == null) != (f.nonce == null)) {
            problem = "an encrypted <talk/> has both <key/> and a nonce, a plain one neither";
        }
        if (problem != null) {
            return TalkElement.unreadable(id, problem);
        }
        try {
            return new TalkElement(id, f.time, f.from, f.to, Optional.ofNullable(f.signatureKey), Optional.ofNullable(f.signature), f.enc,
                    Optional.ofNullable(f.recipientKey), Optional.ofNullable(f.wrapped), Optional.ofNullable(f.nonce), f.payload);
        } catch (IllegalArgumentException e) {
            return TalkElement.unreadable(id, e.getMessage());
        }
    }

    private static void child(XmlPullParser parser, Fields f) throws XmlPullParserException, IOException {
        if (!TalkElement.NAMESPACE.equals(parser.getNamespace())) {
            return;
        }
        switch (parser.getName()) {
            case "signature" -> {
                if (!TalkElement.SIGNATURE_ALGORITHM.equals(parser.getAttributeValue("", "algo"))) {
                    throw new IllegalArgumentException("signature algo is not " + TalkElement.SIGNATURE_ALGORITHM);
                }
                f.signatureKey = canonicalFingerprint(parser.getAttributeValue("", "key"));
                f.signature = base64(parser.nextText(), "signature");
            }
            case "key" -> {
                if (!TalkElement.WRAP_ALGORITHM.equals(parser.getAttributeValue("", "wrap"))) {
                    throw new IllegalArgumentException("key wrap is not " + TalkElement.WRAP_ALGORITHM);
                }
                f.recipientKey = canonicalFingerprint(parser.getAttributeValue("", "recipient-key"));
                f.wrapped = base64(parser.nextText(), "key");
            }
            case "payload" -> {
                f.enc = parser.getAttributeValue("", "enc");
                String nonce = parser.getAttributeValue("", "nonce");
                f.nonce = nonce == null ? null : base64(nonce, "nonce");
                f.payload = base64(parser.nextText(), "payload");
            }
            default -> {
                // unknown children are skipped (XMPP extensibility); they are never signed
            }
        }
    }

    private static Instant canonicalTime(String text) {
        Instant time = Timestamps.parse(text);
        if (!Timestamps.format(time).equals(text)) {
            throw new IllegalArgumentException("talk 'time' must be whole-second UTC such as " + Timestamps.format(time));
        }
        return time;
    }

    private static Jid canonicalJid(String text, String attribute) {
        if (text == null) {
            throw new IllegalArgumentException("<talk/> lacks '" + attribute + "'");
        }
        Jid jid = Jid.of(text);
        if (!jid.toString().equals(text)) {
            throw new IllegalArgumentException("talk '" + attribute + "' must be written " + jid);
        }
        return jid;
    }

    private static Fingerprint canonicalFingerprint(String text) {
        Fingerprint fingerprint = Fingerprint.parse(text);
        if (!fingerprint.toString().equals(text)) {
            throw new IllegalArgumentException("fingerprint must be written " + fingerprint);
        }
        return fingerprint;
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getMimeDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("<" + what + "/> is not base64");
        }
    }

    private static final class Fields {
        Instant time;
        Jid from;
        Jid to;
        Fingerprint signatureKey;
        byte[] signature;
        Fingerprint recipientKey;
        byte[] wrapped;
        byte[] nonce;
        String enc;
        byte[] payload;
    }
}
