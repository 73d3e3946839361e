package org.openspime.client.talk.element;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.openspime.certification.Jid;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;

/**
 * One talk message as it travels:
 * <pre>{@code
 * <talk xmlns='urn:openspime:talk:1' id='…' time='2025-03-01T12:00:05Z' from='a@gate/s1' to='b@gate/s2'>
 *   <signature key='FINGERPRINT' algo='rsa-sha256'>…</signature>
 *   <key recipient-key='FINGERPRINT' wrap='rsa-oaep-sha256'>…</key>        (encrypted only)
 *   <payload enc='aes-256-gcm' nonce='…'>…</payload>                        (enc='none': the UTF-8 text)
 * </talk>}</pre>
 * An element that could not be read holds the reason instead ({@link #unreadableBecause()}), so the receiver answers it
 * with {@code malformed-talk} rather than Smack dropping it.
 */
public final class TalkElement implements ExtensionElement {

    public static final String ELEMENT = "talk";
    public static final String NAMESPACE = "urn:openspime:talk:1";
    public static final String ENC_NONE = "none";
    public static final String ENC_GCM = "aes-256-gcm";
    public static final String SIGNATURE_ALGORITHM = "rsa-sha256";
    public static final String WRAP_ALGORITHM = "rsa-oaep-sha256";

    private final String id;
    private final Instant time;
    private final Jid from;
    private final Jid to;
    private final Optional<Fingerprint> signatureKey;
    private final Optional<byte[]> signature;
    private final String enc;
    private final Optional<Fingerprint> recipientKey;
    private final Optional<byte[]> wrappedKey;
    private final Optional<byte[]> nonce;
    private final byte[] payload;
    private final String unreadable;

    public TalkElement(String id, Instant time, Jid from, Jid to, Optional<Fingerprint> signatureKey, Optional<byte[]> signature,
                       String enc, Optional<Fingerprint> recipientKey, Optional<byte[]> wrappedKey, Optional<byte[]> nonce, byte[] payload) {
        this(id, time, from, to, signatureKey, signature, enc, recipientKey, wrappedKey, nonce, payload, null);
    }

    private TalkElement(String id, Instant time, Jid from, Jid to, Optional<Fingerprint> signatureKey, Optional<byte[]> signature,
                        String enc, Optional<Fingerprint> recipientKey, Optional<byte[]> wrappedKey, Optional<byte[]> nonce, byte[] payload,
                        String unreadable) {
        this.id = id;
        this.time = time == null ? null : Timestamps.canonical(time);
        this.from = from;
        this.to = to;
        this.signatureKey = signatureKey;
        this.signature = signature;
        this.enc = enc;
        this.recipientKey = recipientKey;
        this.wrappedKey = wrappedKey;
        this.nonce = nonce;
        this.payload = payload;
        this.unreadable = unreadable;
        if (unreadable == null) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(payload, "payload");
            if (!ENC_NONE.equals(enc) && !ENC_GCM.equals(enc)) {
                throw new IllegalArgumentException("talk enc '" + enc + "' is not none or aes-256-gcm");
            }
        }
    }

    /** A received element that could not be read, with the reason; {@code id} if it could be read. */
    public static TalkElement unreadable(String id, String reason) {
        return new TalkElement(id, null, null, null, Optional.empty(), Optional.empty(), null, Optional.empty(), Optional.empty(),
                Optional.empty(), null, Objects.requireNonNull(reason, "reason"));
    }

    public Optional<String> unreadableBecause() {
        return Optional.ofNullable(unreadable);
    }

    /** This element with another payload (what a tamperer does; tests use it). */
    public TalkElement withPayload(byte[] other) {
        return new TalkElement(id, time, from, to, signatureKey, signature, enc, recipientKey, wrappedKey, nonce, other);
    }

    public String id() {
        return id;
    }

    public Instant time() {
        return time;
    }

    public Jid from() {
        return from;
    }

    public Jid to() {
        return to;
    }

    public Optional<Fingerprint> signatureKey() {
        return signatureKey;
    }

    public Optional<byte[]> signature() {
        return signature;
    }

    public String enc() {
        return enc;
    }

    public boolean encrypted() {
        return ENC_GCM.equals(enc);
    }

    public Optional<Fingerprint> recipientKey() {
        return recipientKey;
    }

    public Optional<byte[]> wrappedKey() {
        return wrappedKey;
    }

    public Optional<byte[]> nonce() {
        return nonce;
    }

    public byte[] payload() {
        return payload;
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
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        if (unreadable != null) {
            throw new IllegalStateException("an unreadable talk element cannot be sent: " + unreadable);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosingNamespace)
                .attribute("id", id).attribute("time", Timestamps.format(time))
                .attribute("from", from.toString()).attribute("to", to.toString())
                .rightAngleBracket();
        if (signatureKey.isPresent() && signature.isPresent()) {
            xml.halfOpenElement("signature").attribute("key", signatureKey.get().toString()).attribute("algo", SIGNATURE_ALGORITHM)
                    .rightAngleBracket().append(b64.encodeToString(signature.get())).closeElement("signature");
        }
        if (recipientKey.isPresent() && wrappedKey.isPresent()) {
            xml.halfOpenElement("key").attribute("recipient-key", recipientKey.get().toString()).attribute("wrap", WRAP_ALGORITHM)
                    .rightAngleBracket().append(b64.encodeToString(wrappedKey.get())).closeElement("key");
        }
        xml.halfOpenElement("payload").attribute("enc", enc);
        nonce.ifPresent(n -> xml.attribute("nonce", b64.encodeToString(n)));
        xml.rightAngleBracket().append(b64.encodeToString(payload)).closeElement("payload");
        return xml.closeElement(this);
    }
}
