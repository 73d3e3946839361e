package org.openspime.client.report.xmpp;

import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;
import org.openspime.client.report.MalformedReportException;
import org.openspime.client.report.codec.AckCodec;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportNamespace;
import org.openspime.client.xmpp.ChildElementXml;

/**
 * The IQ result a ScopeNode sends once a report is durably committed:
 * {@code <ack xmlns='urn:openspime:report:1' id='…' readings='n'/>}. Received, an ack that cannot be read carries
 * the reason instead ({@link #ack()} throws it): the report then stays in the spime's outbox.
 */
public final class ReportAckIQ extends IQ {

    public static final String ELEMENT = "ack";
    public static final String NAMESPACE = ReportNamespace.NS;

    private final ReportAck ack;
    private final MalformedReportException malformed;

    private ReportAckIQ(ReportAck ack, MalformedReportException malformed) {
        super(ELEMENT, NAMESPACE);
        this.ack = ack;
        this.malformed = malformed;
        setType(Type.result);
    }

    /** The answer to {@code request}, addressed back to its sender. */
    public static ReportAckIQ answering(IQ request, ReportAck ack) {
        ReportAckIQ iq = new ReportAckIQ(Objects.requireNonNull(ack, "ack"), null);
        iq.setStanzaId(request.getStanzaId());
        iq.setTo(request.getFrom());
        return iq;
    }

    static ReportAckIQ received(ReportAck ack) {
        return new ReportAckIQ(Objects.requireNonNull(ack, "ack"), null);
    }

    static ReportAckIQ unreadable(MalformedReportException malformed) {
        return new ReportAckIQ(null, Objects.requireNonNull(malformed, "malformed"));
    }

    public ReportAck ack() throws MalformedReportException {
        if (malformed != null) {
            throw malformed;
        }
        return ack;
    }

    public Optional<MalformedReportException> unreadableBecause() {
        return Optional.ofNullable(malformed);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder builder) {
        if (ack == null) {
            throw new IllegalStateException("an unreadable ack cannot be sent: " + malformed.getMessage());
        }
        return ChildElementXml.append(builder, ELEMENT, NAMESPACE, AckCodec.toXml(ack));
    }
}
