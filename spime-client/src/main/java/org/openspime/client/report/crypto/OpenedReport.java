package org.openspime.client.report.crypto;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportEnvelope;

/**
 * A report that passed every check the envelope allows: what it says, and what the store needs to be idempotent
 * and to detect replays. The store keys on (SpimeID, report id): the same id with the same {@link #dataDigest} is a
 * retry (acknowledge, store nothing), the same id with another digest is a replay (refuse with {@code replay}).
 * The digest is over the data document, so it is the same when a spime reseals a report under a new transport key.
 *
 * @param dataDigest SHA-256 of the data document bytes (the plaintext)
 * @param signerKey  the sender key that verified the signature, if the report was signed
 */
public record OpenedReport(Report report, ReportEnvelope envelope, byte[] dataDigest, Optional<Fingerprint> signerKey) {

    public OpenedReport {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(dataDigest, "dataDigest");
        Objects.requireNonNull(signerKey, "signerKey");
    }

    public String dataDigestHex() {
        return HexFormat.of().formatHex(dataDigest);
    }

    public boolean encrypted() {
        return envelope.encrypted();
    }
}
