package org.openspime.client.report.codec;

import java.time.Instant;
import java.util.Optional;
import org.openspime.certification.Jid;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.report.InvalidValueException;
import org.openspime.client.report.MalformedReportException;
import org.openspime.client.report.MissingPartException;
import org.openspime.client.report.OversizedReportException;
import org.openspime.client.report.UnsupportedAlgorithmException;
import org.openspime.client.report.element.Encryption;
import org.openspime.client.report.element.Originator;
import org.openspime.client.report.element.OriginatorSignature;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.ReportNamespace;
import org.openspime.client.report.element.Transport;
import org.openspime.client.report.element.TransportKey;

/**
 * The envelope, payload of the IQ set:
 * <pre>{@code
 * <report xmlns='urn:openspime:report:1' id='…' time='…'>
 *   <originator jid='…' key='FINGERPRINT'><signature algo='rsa-sha256'>…</signature></originator>
 *   <transport enc='aes-256-gcm' recipient='SNID' nonce='…'>
 *     <key key-id='…' recipient-key='FINGERPRINT' wrap='rsa-oaep-sha256'>…</key>
 *     <payload>…</payload>
 *   </transport>
 * </report>}</pre>
 * An unsigned report's originator has neither {@code key} nor {@code <signature/>}; a plain transport
 * ({@code enc='none'}) has neither {@code nonce} nor {@code <key/>}; a key reference without the wrapped key is
 * an empty {@code <key/>} without {@code wrap}.
 */
public final class EnvelopeCodec {

    static final String REPORT = "report";
    static final String ORIGINATOR = "originator";
    static final String SIGNATURE = "signature";
    static final String TRANSPORT = "transport";
    static final String KEY = "key";
    static final String PAYLOAD = "payload";

    private EnvelopeCodec() {
    }

    public static String toXml(ReportEnvelope envelope) {
        XmlOut out = new XmlOut().open(REPORT, ReportNamespace.NS)
                .attr("id", envelope.id().value())
                .attr("time", Timestamps.format(envelope.time()));
        Originator originator = envelope.originator();
        out.open(ORIGINATOR).attr("jid", originator.jid().toString());
        originator.signature().ifPresent(s -> out.attr("key", s.key().toString())
                .open(SIGNATURE).attr("algo", ReportNamespace.SIGNATURE_ALGORITHM).text(Base64Text.encode(s.value())).close(SIGNATURE));
        out.close(ORIGINATOR);
        Transport transport = envelope.transport();
        out.open(TRANSPORT).attr("enc", transport.encryption().wireName()).attr("recipient", transport.recipient().toString());
        transport.nonce().ifPresent(n -> out.attr("nonce", Base64Text.encode(n)));
        transport.key().ifPresent(k -> {
            out.open(KEY).attr("key-id", k.keyId()).attr("recipient-key", k.recipientKey().toString());
            k.wrapped().ifPresent(w -> out.attr("wrap", ReportNamespace.WRAP_ALGORITHM).text(Base64Text.encode(w)));
            out.close(KEY);
        });
        out.open(PAYLOAD).text(Base64Text.encode(transport.payload())).close(PAYLOAD);
        return out.close(TRANSPORT).close(REPORT).xml();
    }

    /**
     * Reads a {@code <report/>} document (as a Smack provider hands it over, re-serialized).
     *
     * @throws OversizedReportException when the payload exceeds {@code limits} (checked before decoding it)
     * @throws UnsupportedAlgorithmException for an unknown enc, wrap or signature algo
     */
    public static ReportEnvelope parse(String xml, ReportLimits limits)
            throws MalformedReportException, OversizedReportException, UnsupportedAlgorithmException {
        XmlIn in = XmlIn.ofString(xml);
        in.expect(ReportNamespace.NS, REPORT);
        ReportId id = in.convert("id", in.required("id"), ReportId::of);
        Instant time = canonicalTime(in);
        Originator originator = null;
        Transport transport = null;
        while (in.nextChild()) {
            if (in.at(ReportNamespace.NS, ORIGINATOR)) {
                once(originator, ORIGINATOR);
                originator = readOriginator(in);
            } else if (in.at(ReportNamespace.NS, TRANSPORT)) {
                once(transport, TRANSPORT);
                transport = readTransport(in, limits);
            } else {
                in.skip();
            }
        }
        in.expectEnd();
        if (originator == null) {
            throw new MissingPartException("<report id='" + id + "'/> lacks its <originator/>");
        }
        if (transport == null) {
            throw new MissingPartException("<report id='" + id + "'/> lacks its <transport/>");
        }
        return new ReportEnvelope(id, time, originator, transport);
    }

    private static Instant canonicalTime(XmlIn in) throws MalformedReportException {
        String text = in.required("time");
        Instant time = in.convert("time", text, Timestamps::parse);
        if (!Timestamps.format(time).equals(text)) {
            throw new InvalidValueException("<report/> 'time' is signed and must be whole-second UTC such as "
                    + Timestamps.format(time) + ", not '" + text + "'");
        }
        return time;
    }

    private static Originator readOriginator(XmlIn in) throws MalformedReportException, UnsupportedAlgorithmException {
        Jid jid = in.canonicalJid("jid");
        Fingerprint key = in.optional("key") == null ? null : in.canonicalFingerprint("key");
        byte[] signature = null;
        while (in.nextChild()) {
            if (in.at(ReportNamespace.NS, SIGNATURE)) {
                once(signature, SIGNATURE);
                String algo = in.required("algo");
                if (!ReportNamespace.SIGNATURE_ALGORITHM.equals(algo)) {
                    throw new UnsupportedAlgorithmException("signature algo '" + algo + "' is not " + ReportNamespace.SIGNATURE_ALGORITHM);
                }
                signature = Base64Text.decode(in.text(), "<signature/>");
                if (signature.length == 0) {
                    throw new MissingPartException("<signature/> of " + jid + " is empty");
                }
            } else {
                in.skip();
            }
        }
        if ((key == null) != (signature == null)) {
            throw new MissingPartException("<originator jid='" + jid + "'/> has " + (key == null
                    ? "a <signature/> but no 'key' naming the signing key" : "a 'key' but no <signature/>"));
        }
        return new Originator(jid, key == null ? Optional.empty() : Optional.of(new OriginatorSignature(key, signature)));
    }

    private static Transport readTransport(XmlIn in, ReportLimits limits)
            throws MalformedReportException, OversizedReportException, UnsupportedAlgorithmException {
        String enc = in.required("enc");
        Encryption encryption = Encryption.fromWireName(enc);
        if (encryption == null) {
            throw new UnsupportedAlgorithmException("transport enc '" + enc + "' is not none or aes-256-gcm");
        }
        Jid recipient = in.canonicalJid("recipient");
        String nonceText = in.optional("nonce");
        byte[] nonce = nonceText == null ? null : Base64Text.decode(nonceText, "<transport/> nonce");
        TransportKey key = null;
        byte[] payload = null;
        while (in.nextChild()) {
            if (in.at(ReportNamespace.NS, KEY)) {
                once(key, KEY);
                key = readKey(in);
            } else if (in.at(ReportNamespace.NS, PAYLOAD)) {
                once(payload, PAYLOAD);
                String text = Base64Text.stripWhitespace(in.text());
                if (Base64Text.decodedLength(text) > limits.maxPayloadBytes() + 2L) {
                    throw new OversizedReportException("payload of about " + Base64Text.decodedLength(text)
                            + " bytes exceeds " + limits.maxPayloadBytes());
                }
                payload = Base64Text.decode(text, "<payload/>");
            } else {
                in.skip();
            }
        }
        if (payload == null) {
            throw new MissingPartException("<transport/> lacks its <payload/>");
        }
        if (payload.length > limits.maxPayloadBytes()) {
            throw new OversizedReportException("payload of " + payload.length + " bytes exceeds " + limits.maxPayloadBytes());
        }
        if (encryption == Encryption.NONE) {
            if (nonce != null || key != null) {
                throw new InvalidValueException("a transport with enc='none' has no nonce and no <key/>");
            }
            return Transport.plain(recipient, payload);
        }
        if (nonce == null) {
            throw new MissingPartException("<transport enc='aes-256-gcm'/> lacks its 'nonce'");
        }
        if (key == null) {
            throw new MissingPartException("<transport enc='aes-256-gcm'/> lacks its <key/>");
        }
        if (nonce.length != Transport.NONCE_BYTES) {
            throw new InvalidValueException("nonce is " + nonce.length + " bytes, not " + Transport.NONCE_BYTES);
        }
        if (payload.length < Transport.TAG_BYTES) {
            throw new InvalidValueException("ciphertext of " + payload.length + " bytes is shorter than the GCM tag");
        }
        return Transport.encrypted(recipient, key, nonce, payload);
    }

    private static TransportKey readKey(XmlIn in) throws MalformedReportException, UnsupportedAlgorithmException {
        String keyId = in.required("key-id");
        Fingerprint recipientKey = in.canonicalFingerprint("recipient-key");
        String wrap = in.optional("wrap");
        if (wrap != null && !ReportNamespace.WRAP_ALGORITHM.equals(wrap)) {
            throw new UnsupportedAlgorithmException("key wrap '" + wrap + "' is not " + ReportNamespace.WRAP_ALGORITHM);
        }
        String text = Base64Text.stripWhitespace(in.text());
        if (wrap == null && !text.isEmpty()) {
            throw new MissingPartException("<key key-id='" + keyId + "'/> holds a wrapped key but no 'wrap' algorithm");
        }
        if (wrap != null && text.isEmpty()) {
            throw new MissingPartException("<key key-id='" + keyId + "' wrap='" + wrap + "'/> is empty");
        }
        Optional<byte[]> wrapped = wrap == null ? Optional.empty() : Optional.of(Base64Text.decode(text, "<key/>"));
        return in.convert("key-id", keyId, k -> new TransportKey(k, recipientKey, wrapped));
    }

    private static void once(Object seen, String element) throws MissingPartException {
        if (seen != null) {
            throw new MissingPartException("<" + element + "/> appears twice");
        }
    }
}
