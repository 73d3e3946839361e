package org.openspime.client.reporting;

import java.util.concurrent.CompletableFuture;
import org.openspime.certification.Jid;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportEnvelope;

/**
 * How a sealed report reaches its ScopeNode: over XMPP ({@link XmppReportChannel}) in an application. The answer
 * completes the future with the ack, or exceptionally with a {@link ReportRefusal} (the ScopeNode's stated condition)
 * or any other exception for a delivery failure (no answer, connection lost, an error from the gate).
 */
public interface ReportChannel {

    CompletableFuture<ReportAck> send(Jid snid, ReportEnvelope envelope);

    /** Whether sending now can succeed (logged in); if not, the reporter waits for the next login. */
    boolean ready();
}
