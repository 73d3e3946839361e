package org.openspime.scopenode.reading;

import java.util.List;
import java.util.Objects;

/**
 * A verified, decrypted report: who sent it, the id it chose for it, and its readings (in order; the position of
 * a reading is its index). The pair (spimeId, reportId) identifies the report: a retry carries the same id and is
 * recognised as a duplicate.
 *
 * @param spimeId  the sender's full JID, as the gate authenticated it
 * @param reportId the id the spime gave the report, 1 to {@value #MAX_REPORT_ID_LENGTH} characters
 * @param readings at least one reading
 */
public record IncomingReport(String spimeId, String reportId, List<IncomingReading> readings) {
    public static final int MAX_REPORT_ID_LENGTH = 128;

    public IncomingReport {
        Objects.requireNonNull(spimeId, "spimeId");
        Objects.requireNonNull(reportId, "reportId");
        if (reportId.isEmpty() || reportId.length() > MAX_REPORT_ID_LENGTH) {
            throw new IllegalArgumentException("report id must be 1 to " + MAX_REPORT_ID_LENGTH + " characters");
        }
        readings = List.copyOf(readings);
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("report " + reportId + " from " + spimeId + " has no reading");
        }
    }
}
