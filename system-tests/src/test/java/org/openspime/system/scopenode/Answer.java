package org.openspime.system.scopenode;

import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.element.ReportAck;

/**
 * What a spime got back for one report: an acknowledgment, a refusal with its condition, or nothing usable (no
 * answer in time, the ScopeNode unreachable, an error without a report condition): then it resends.
 */
record Answer(ReportAck ack, ReportCondition condition, String text) {

    static Answer acked(ReportAck ack) {
        return new Answer(ack, null, null);
    }

    static Answer refused(ReportCondition condition, String text) {
        return new Answer(null, condition, text);
    }

    static Answer undelivered(String why) {
        return new Answer(null, null, why);
    }

    boolean isAck() {
        return ack != null;
    }
}
