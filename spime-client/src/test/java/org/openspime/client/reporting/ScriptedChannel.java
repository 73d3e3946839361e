package org.openspime.client.reporting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.openspime.certification.Jid;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportError;

/**
 * A channel whose answers the test scripts in order (then acks everything), recording every envelope sent: the
 * reporter's retry logic is what is under test here; the XMPP round trip is covered by the system tests.
 */
final class ScriptedChannel implements ReportChannel {

    private final Deque<Object> script = new ArrayDeque<>();
    private final List<ReportEnvelope> sent = new ArrayList<>();
    private volatile boolean ready = true;

    ScriptedChannel refuse(ReportCondition condition) {
        script.add(condition);
        return this;
    }

    ScriptedChannel loseAnswer() {
        script.add(new TimeoutException("no answer within the reply timeout"));
        return this;
    }

    void ready(boolean now) {
        ready = now;
    }

    synchronized List<ReportEnvelope> sent() {
        return new ArrayList<>(sent);
    }

    @Override
    public synchronized CompletableFuture<ReportAck> send(Jid snid, ReportEnvelope envelope) {
        sent.add(envelope);
        Object next = script.poll();
        if (next instanceof ReportCondition c) {
            return CompletableFuture.failedFuture(new ReportRefusal(new ReportError(c, Optional.of("scripted " + c.element()))));
        }
        if (next instanceof Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture(new ReportAck(envelope.id(), 1, false));
    }

    @Override
    public boolean ready() {
        return ready;
    }
}
