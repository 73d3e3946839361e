package org.openspime.certification.element;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * XEP-0082 DateTime, the way this protocol uses it.
 *
 * <p>We always write UTC with whole seconds ({@code 2025-03-01T12:00:00Z}), and that exact text is what
 * enters signed bytes. We read any XEP-0082 DateTime (fractions, numeric offsets) but drop the fraction:
 * a time that travels through signed bytes must have a single text form, or a verifier in another
 * language would sign or check different bytes.
 */
public final class Timestamps {

    private static final Pattern XEP_0082 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private Timestamps() {
    }

    /** The canonical text: UTC, whole seconds, trailing {@code Z}. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(canonical(instant));
    }

    /**
     * Reads an XEP-0082 DateTime.
     *
     * @throws IllegalArgumentException if the text is not one
     */
    public static Instant parse(String text) {
        if (text == null || !XEP_0082.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an XEP-0082 DateTime (e.g. 2025-03-01T12:00:00Z)");
        }
        try {
            return canonical(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date and time: " + e.getMessage(), e);
        }
    }

    /** The instant at the precision the protocol keeps: whole seconds. */
    public static Instant canonical(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
