package org.openspime.client.report.element;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The spime's own name for one report, unique among its reports: a retry carries the same id, so the ScopeNode
 * stores it once. Unique per sender only — the ScopeNode keys on (SpimeID, id), or one spime could claim another's
 * ids and have its reports acknowledged as duplicates.
 *
 * <p>Any 1–64 characters from {@code [A-Za-z0-9._:-]}. {@link #generate} makes 32 lower-case hex digits: 48 bits of
 * Unix milliseconds then 80 random bits, so ids sort roughly by creation and the ScopeNode's unique index grows at
 * its right edge instead of being written all over.
 */
public record ReportId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public ReportId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("report id must be 1-64 characters of [A-Za-z0-9._:-], not '" + value + "'");
        }
    }

    public static ReportId of(String value) {
        return new ReportId(value);
    }

    public static ReportId generate(Clock clock, SecureRandom random) {
        byte[] tail = new byte[10];
        random.nextBytes(tail);
        StringBuilder b = new StringBuilder(32);
        String millis = Long.toHexString(clock.millis() & 0xFFFF_FFFF_FFFFL);
        b.append("0".repeat(12 - millis.length())).append(millis);
        for (byte t : tail) {
            b.append(Character.forDigit((t >> 4) & 0xF, 16)).append(Character.forDigit(t & 0xF, 16));
        }
        return new ReportId(b.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
