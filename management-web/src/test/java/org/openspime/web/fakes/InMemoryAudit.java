package org.openspime.web.fakes;

import java.util.ArrayList;
import java.util.List;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.audit.AuditListing;
import org.openspime.web.audit.AuditLog;
import org.openspime.web.audit.AuditQuery;

/** The audit trail in a list, newest first on query. */
public final class InMemoryAudit implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized AuditListing query(AuditQuery q) {
        List<AuditEntry> matching = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (q.matches(entries.get(i))) {
                matching.add(entries.get(i));
            }
        }
        int from = Math.min(q.offset(), matching.size());
        return new AuditListing(matching.subList(from, Math.min(from + q.limit(), matching.size())), matching.size());
    }

    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }
}
