package org.openspime.scopenode.http;

import org.openspime.scopenode.storage.ReadingPage;
import org.openspime.scopenode.storage.ReadingQuery;
import org.openspime.scopenode.storage.ReadingStore;
import org.openspime.scopenode.storage.StoreException;

/** A page from the store, with a cursor the store cannot read turned into a bad {@code after} parameter. */
final class Pages {

    private Pages() {
    }

    static ReadingPage fetch(ReadingStore store, ReadingQuery query) throws BadParameterException, StoreException {
        try {
            return store.query(query);
        } catch (IllegalArgumentException e) {
            if (query.cursor() != null) {
                throw new BadParameterException("after", "after is not a cursor this ScopeNode issued: "
                        + e.getMessage());
            }
            throw new BadParameterException("fields", e.getMessage());
        }
    }
}
