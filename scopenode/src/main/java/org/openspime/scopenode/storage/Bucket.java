package org.openspime.scopenode.storage;

import java.time.Instant;

/**
 * The readings of one field in one time bucket. Buckets without any value are not returned.
 *
 * @param start the bucket's start (a multiple of the bucket length since the epoch)
 * @param count how many readings carry the field in the bucket
 * @param min   the smallest value, or null for non-numeric fields
 * @param max   the largest value, or null for non-numeric fields
 * @param avg   the mean, or null for non-numeric fields
 */
public record Bucket(Instant start, long count, Double min, Double max, Double avg) {
}
