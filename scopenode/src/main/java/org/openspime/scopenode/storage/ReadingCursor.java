package org.openspime.scopenode.storage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where a page ended: the last reading's (time, id). Handed out opaque, so its shape may change. */
record ReadingCursor(Instant timestamp, long id) {

    String format() {
        String plain = timestamp.getEpochSecond() + ":" + timestamp.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    static ReadingCursor parse(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("malformed cursor");
            }
            return new ReadingCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a cursor from a previous page: " + cursor, e);
        }
    }
}
