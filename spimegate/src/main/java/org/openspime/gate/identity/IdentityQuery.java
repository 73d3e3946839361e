package org.openspime.gate.identity;

/**
 * A filter and a page over registered OSIDs, ordered by JID. Pages can be walked by offset (fine for the first
 * few thousand rows) or by keyset with {@link #after}, which costs the same on the last page as on the first.
 *
 * @param kind   only this kind, or null for all
 * @param state  only this state, or null for all
 * @param search case-insensitive text the JID, description or owner must contain, or null
 * @param after  only JIDs sorting after this one (keyset paging), or null
 * @param limit  at most this many (1..1000)
 * @param offset skip this many
 */
public record IdentityQuery(OsidKind kind, IdentityState state, String search, String after, int limit, int offset) {
    public static final int MAX_LIMIT = 1000;

    public IdentityQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IdentityException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new IdentityException("offset must not be negative, got " + offset);
        }
        search = search == null || search.isBlank() ? null : search.trim();
    }

    /** Everything, first 100. */
    public static IdentityQuery all() {
        return new IdentityQuery(null, null, null, null, 100, 0);
    }

    public IdentityQuery kind(OsidKind k) {
        return new IdentityQuery(k, state, search, after, limit, offset);
    }

    public IdentityQuery state(IdentityState s) {
        return new IdentityQuery(kind, s, search, after, limit, offset);
    }

    public IdentityQuery search(String text) {
        return new IdentityQuery(kind, state, text, after, limit, offset);
    }

    public IdentityQuery after(String jid) {
        return new IdentityQuery(kind, state, search, jid, limit, offset);
    }

    public IdentityQuery limit(int n) {
        return new IdentityQuery(kind, state, search, after, n, offset);
    }

    public IdentityQuery offset(int n) {
        return new IdentityQuery(kind, state, search, after, limit, n);
    }
}
