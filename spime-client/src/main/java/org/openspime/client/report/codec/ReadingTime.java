package org.openspime.client.report.codec;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * XEP-0082 DateTime for reading times. Written in UTC with {@code Z} and as many fraction digits as needed in
 * groups of three ({@code 12:00:00Z}, {@code 12:00:00.250Z}, {@code 12:00:00.000001Z}); read in any XEP-0082
 * form (numeric offsets, 1-9 fraction digits) and kept to the microsecond. Reading times travel inside the signed
 * payload bytes, so unlike the envelope time they need no single canonical spelling.
 */
final class ReadingTime {

    private static final Pattern FORM =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private ReadingTime() {
    }

    static String format(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MICROS));
    }

    static Instant parse(String text) {
        if (!FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an XEP-0082 DateTime such as 2025-03-01T12:00:00Z");
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date and time", e);
        }
    }
}
