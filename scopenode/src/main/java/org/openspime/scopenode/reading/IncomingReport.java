package org.openspime.scopenode.reading;

import java.util.Arrays;
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
 * @param dataDigest SHA-256 of the report's data document as the spime sent it (the decrypted plaintext), or null
 *                   when there is none; with it the store tells a retry (same digest) from a replay (another one)
 */
public record IncomingReport(String spimeId, String reportId, List<IncomingReading> readings, byte[] dataDigest) {
    public static final int MAX_REPORT_ID_LENGTH = 128;

    /** A report without a data digest: a repeated id is always taken for a retry. */
    public IncomingReport(String spimeId, String reportId, List<IncomingReading> readings) {
        this(spimeId, reportId, readings, null);
    }

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
        if (dataDigest != null && dataDigest.length != 32) {
            throw new IllegalArgumentException("data digest must be a SHA-256 (32 bytes), not " + dataDigest.length);
        }
        dataDigest = dataDigest == null ? null : dataDigest.clone();
    }

    @Override
    public byte[] dataDigest() {
        return dataDigest == null ? null : dataDigest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IncomingReport r && spimeId.equals(r.spimeId) && reportId.equals(r.reportId)
                && readings.equals(r.readings) && Arrays.equals(dataDigest, r.dataDigest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spimeId, reportId, readings, Arrays.hashCode(dataDigest));
    }
}
