package org.openspime.scopenode.xmpp;

import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.packet.AbstractIqBuilder;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.openspime.certification.Jid;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.ReportRefusedException;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.xmpp.ReportAckIQ;
import org.openspime.client.report.xmpp.ReportIQ;
import org.openspime.client.report.xmpp.ReportStanzaErrors;
import org.openspime.scopenode.intake.ReportIntake;
import org.openspime.scopenode.intake.ReportRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes report IQ sets and answers them: an IQ result with {@code <ack/>} once the report is committed, an IQ error
 * with the report condition otherwise.
 *
 * <p>Registered in Smack's asynchronous mode, so the checks (signature, RSA unwrap, a certification lookup for a
 * sender not seen yet) run on Smack's bounded pool of handler threads rather than on the thread that reads the
 * stream. The answer to an accepted report is sent later, when the commit completes its future; it is sent from
 * {@code replies}, so that neither the ingest writer nor a handler thread ever waits on the network. An answer that
 * cannot be sent (the connection dropped meanwhile) is lost: the spime resends, and the store answers duplicate.
 */
public final class ReportRequestHandler extends AbstractIqRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(ReportRequestHandler.class);

    private final XMPPConnection connection;
    private final ReportIntake intake;
    private final Executor replies;

    public ReportRequestHandler(XMPPConnection connection, ReportIntake intake, Executor replies) {
        super(ReportIQ.ELEMENT, ReportIQ.NAMESPACE, IQ.Type.set, Mode.async);
        this.connection = Objects.requireNonNull(connection, "connection");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    @Override
    public IQ handleIQRequest(IQ request) {
        Jid sender = request.getFrom() == null ? null : Jid.of(request.getFrom().toString());
        ReportEnvelope envelope;
        try {
            envelope = ((ReportIQ) request).envelope();
        } catch (ReportRefusedException unreadable) {
            ReportRefusal refusal = intake.unreadable(sender, unreadable);
            return refusal(request, refusal.condition(), refusal.getMessage());
        }
        intake.take(envelope, sender).whenCompleteAsync((ack, error) -> {
            if (error == null) {
                send(ReportAckIQ.answering(request, ack));
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof ReportRefusal refusal) {
                    send(refusal(request, refusal.condition(), refusal.getMessage()));
                } else {
                    log.error("report {} from {}: unexpected failure", envelope.id(), sender, cause);
                    send(refusal(request, ReportCondition.TEMPORARILY_UNAVAILABLE, "report " + envelope.id()
                            + " could not be handled now; retry later"));
                }
            }
        }, replies);
        return null;
    }

    /**
     * The IQ error for a refused report. Unlike {@link IQ#createErrorResponse}, it does not echo the request's
     * payload: the spime has the envelope, and sending up to 256 KiB back would double the traffic of refusals.
     */
    private static IQ refusal(IQ request, ReportCondition condition, String text) {
        return ErrorIQ.builder(ReportStanzaErrors.of(condition, text), AbstractIqBuilder.createErrorResponse(request))
                .build();
    }

    private void send(Stanza answer) {
        try {
            connection.sendStanza(answer);
        } catch (SmackException.NotConnectedException e) {
            log.info("answer {} to {} not sent, connection lost; the spime will resend", answer.getStanzaId(),
                    answer.getTo());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
