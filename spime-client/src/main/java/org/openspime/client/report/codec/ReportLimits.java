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

    /** The stanza size a SpimeGate accepts by default ({@code --max-stanza-size}). */
    public static final int GATE_DEFAULT_STANZA_BYTES = 65_536;

    /**
     * Room in a stanza for everything around the base64 payload: the IQ, the envelope's attributes, the
     * originator with an RSA-4096 signature (684 base64 characters) and the transport key wrapped to an RSA-4096
     * key (684), with margin.
     */
    static final int ENVELOPE_OVERHEAD_BYTES = 4_096;

    /**
     * What a spime may put in one report so that the whole IQ stays within a stanza limit of
     * {@code maxStanzaBytes} (a gate ends the stream of a client that sends a larger stanza, so a report that does
     * not fit could never be delivered).
     */
    public static ReportLimits fittingStanzasOf(int maxStanzaBytes) {
        if (maxStanzaBytes <= ENVELOPE_OVERHEAD_BYTES) {
            throw new IllegalArgumentException("a stanza limit of " + maxStanzaBytes + " bytes leaves no room for a report");
        }
        int payload = (maxStanzaBytes - ENVELOPE_OVERHEAD_BYTES) / 4 * 3;
        return new ReportLimits(Math.min(payload, DEFAULT.maxPayloadBytes()), DEFAULT.maxReadings(), DEFAULT.maxValues());
    }

    public ReportLimits {
        if (maxPayloadBytes <= 0 || maxReadings <= 0 || maxValues <= 0) {
            throw new IllegalArgumentException("report limits must be positive");
        }
    }
}
