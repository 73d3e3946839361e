package org.openspime.client.talk.crypto;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openspime.certification.Jid;

/**
 * The (sender, id) pairs delivered recently. Entries leave once older than the window (a message that old is refused
 * as stale anyway) or, beyond {@code capacity}, oldest first. Not thread-safe: the opener synchronizes.
 */
final class ReplayWindow {

    private record Seen(Jid sender, String id) {
    }

    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<Seen, Instant> seen = new LinkedHashMap<>();

    ReplayWindow(Duration window, int capacity) {
        this.window = window;
        this.capacity = capacity;
    }

    /** Records the pair; false if it was already there. */
    boolean firstTime(Jid sender, String id, Instant now) {
        expire(now);
        Seen key = new Seen(sender, id);
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, now);
        if (seen.size() > capacity) {
            Iterator<Map.Entry<Seen, Instant>> oldest = seen.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private void expire(Instant now) {
        Instant limit = now.minus(window);
        Iterator<Map.Entry<Seen, Instant>> it = seen.entrySet().iterator();
        while (it.hasNext() && it.next().getValue().isBefore(limit)) {
            it.remove();
        }
    }
}
