package org.openspime.scopenode.storage;

import java.time.Instant;
import java.util.Map;
import org.openspime.scopenode.reading.Location;

/** A reading as stored: values typed as Double, Long, Boolean or String; absent fields are not in the map. */
public record StoredReading(String spimeId, String reportId, int readingIndex, Instant timestamp,
                            Instant receivedAt, Location location, Map<String, Object> values) {
}
