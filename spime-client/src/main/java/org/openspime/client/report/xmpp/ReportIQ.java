package org.openspime.client.report.xmpp;

import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;
import org.openspime.client.report.ReportRefusedException;
import org.openspime.client.report.codec.EnvelopeCodec;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportNamespace;
import org.openspime.client.xmpp.ChildElementXml;

/**
 * The IQ set carrying a report envelope from a spime to a ScopeNode ({@code docs/protocol-report.md}, section 1).
 *
 * <p>Sent, it holds the envelope's XML as {@link EnvelopeCodec} wrote it. Received, it holds either the parsed
 * envelope or the reason the envelope could not be read ({@link #envelope()} throws it), so that the ScopeNode
 * answers a malformed report with its specific error instead of Smack dropping the stanza.
 */
public final class ReportIQ extends IQ {

    public static final String ELEMENT = "report";
    public static final String NAMESPACE = ReportNamespace.NS;

    private final ReportEnvelope envelope;
    private final String xml;
    private final ReportRefusedException refused;

    private ReportIQ(ReportEnvelope envelope, String xml, ReportRefusedException refused) {
        super(ELEMENT, NAMESPACE);
        this.envelope = envelope;
        this.xml = xml;
        this.refused = refused;
        setType(Type.set);
    }

    /** A report to send to the ScopeNode {@code snid}. */
    public static ReportIQ to(Jid snid, ReportEnvelope envelope) {
        ReportIQ iq = new ReportIQ(envelope, EnvelopeCodec.toXml(envelope), null);
        iq.setTo(Objects.requireNonNull(snid, "snid"));
        return iq;
    }

    static ReportIQ received(ReportEnvelope envelope, String xml) {
        return new ReportIQ(Objects.requireNonNull(envelope, "envelope"), xml, null);
    }

    static ReportIQ unreadable(ReportRefusedException refused) {
        return new ReportIQ(null, null, Objects.requireNonNull(refused, "refused"));
    }

    /** The envelope, or why it could not be read. */
    public ReportEnvelope envelope() throws ReportRefusedException {
        if (refused != null) {
            throw refused;
        }
        return envelope;
    }

    public Optional<ReportRefusedException> unreadableBecause() {
        return Optional.ofNullable(refused);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder builder) {
        if (xml == null) {
            throw new IllegalStateException("an unreadable report cannot be sent: " + refused.getMessage());
        }
        return ChildElementXml.append(builder, ELEMENT, NAMESPACE, xml);
    }
}
