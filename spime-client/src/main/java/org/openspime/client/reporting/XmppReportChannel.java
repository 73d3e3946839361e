package org.openspime.client.reporting;

import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.openspime.certification.Jid;
import org.openspime.client.report.MalformedReportException;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.xmpp.ReportAckIQ;
import org.openspime.client.report.xmpp.ReportIQ;
import org.openspime.client.report.xmpp.ReportProviders;
import org.openspime.client.report.xmpp.ReportStanzaErrors;

/** Reports as IQ sets over one Smack connection; the connection's reply timeout bounds the wait for the answer. */
public final class XmppReportChannel implements ReportChannel {

    private final XMPPConnection connection;

    public XmppReportChannel(XMPPConnection connection) {
        ReportProviders.register();
        this.connection = connection;
    }

    @Override
    public CompletableFuture<ReportAck> send(Jid snid, ReportEnvelope envelope) {
        CompletableFuture<ReportAck> answer = new CompletableFuture<>();
        ReportIQ request;
        try {
            request = ReportIQ.to(JidCreate.from(snid.toString()), envelope);
        } catch (XmppStringprepException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("SNID " + snid + " is not a valid JID", e));
        }
        connection.sendIqRequestAsync(request, connection.getReplyTimeout())
                .onSuccess(iq -> answer(answer, envelope, iq))
                .onError(e -> answer.completeExceptionally(refusalOrFailure(e)));
        return answer;
    }

    @Override
    public boolean ready() {
        return connection.isAuthenticated();
    }

    private static void answer(CompletableFuture<ReportAck> answer, ReportEnvelope envelope, IQ iq) {
        if (!(iq instanceof ReportAckIQ)) {
            answer.completeExceptionally(new MalformedReportException("answer to report " + envelope.id() + " holds no <ack/>: "
                    + iq.getChildElementQName()));
            return;
        }
        try {
            ReportAck ack = ((ReportAckIQ) iq).ack();
            if (!ack.id().equals(envelope.id())) {
                answer.completeExceptionally(new MalformedReportException("answer to report " + envelope.id() + " acknowledges " + ack.id()));
            } else {
                answer.complete(ack);
            }
        } catch (MalformedReportException e) {
            answer.completeExceptionally(e);
        }
    }

    private static Exception refusalOrFailure(Exception e) {
        if (e instanceof XMPPException.XMPPErrorException) {
            return ReportStanzaErrors.read(((XMPPException.XMPPErrorException) e).getStanzaError())
                    .<Exception>map(ReportRefusal::new).orElse(e);
        }
        return e;
    }
}
