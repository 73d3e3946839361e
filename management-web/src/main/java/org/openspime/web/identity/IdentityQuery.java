package org.openspime.web.identity;

import java.util.Optional;

/**
 * A page of the identity list: optional kind and state filters, a free-text search over JID and
 * description, and an offset window. The gate answers it with one indexed query, so the console stays
 * smooth with 100,000 identities.
 */
public record IdentityQuery(
        Optional<IdentityKind> kind,
        Optional<IdentityState> state,
        String search,
        int offset,
        int limit) {

    public static final int MAX_LIMIT = 500;

    public IdentityQuery {
        search = search == null ? "" : search.trim();
        offset = Math.max(0, offset);
        limit = Math.min(Math.max(1, limit), MAX_LIMIT);
    }

    public static IdentityQuery firstPage(int limit) {
        return new IdentityQuery(Optional.empty(), Optional.empty(), "", 0, limit);
    }
}
