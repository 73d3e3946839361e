package org.openspime.client.report.codec;

/**
 * How much one report may carry, checked while reading so that an oversized batch is refused before it is all
 * decoded. The defaults fit common XMPP servers' stanza limits (the base64 payload of 192 KiB is 256 KiB of
 * text) and a ScopeNode that commits one report per batch.
 *
 * @param maxPayloadBytes decoded transport payload (data document or ciphertext)
 * @param maxReadings     readings in one report
 * @param maxValues       values in one report, over all its readings
 */
public record ReportLimits(int maxPayloadBytes, int maxReadings, int maxValues) {

    public static final ReportLimits DEFAULT = new ReportLimits(192 * 1024, 1_000, 10_000);

    public ReportLimits {
        if (maxPayloadBytes <= 0 || maxReadings <= 0 || maxValues <= 0) {
            throw new IllegalArgumentException("report limits must be positive");
        }
    }
}
