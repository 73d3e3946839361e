package org.openspime.scopenode.storage;

import java.util.List;

/**
 * One page of a {@link ReadingQuery}.
 *
 * @param readings   in time order
 * @param nextCursor where the next page starts (opaque), or null when this page is the last
 */
public record ReadingPage(List<StoredReading> readings, String nextCursor) {
}
