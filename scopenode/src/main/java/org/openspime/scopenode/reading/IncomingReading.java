package org.openspime.scopenode.reading;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One reading of a report: when it was taken, optionally where, and its values by field name.
 *
 * <p>A value is either the text that came on the wire (a {@link String}, parsed by
 * {@link org.openspime.scopenode.scope.FormatCheck} according to the field's type) or an already typed
 * {@link Number} or {@link Boolean}.
 */
public record IncomingReading(Instant timestamp, Location location, Map<String, Object> values) {
    public IncomingReading {
        Objects.requireNonNull(timestamp, "timestamp");
        values = Map.copyOf(values);
    }
}
