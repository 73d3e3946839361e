package org.openspime.web.audit;

import java.util.List;

/** One page of audit entries, newest first, and how many match in all. */
public record AuditListing(List<AuditEntry> entries, long total) {
    public AuditListing {
        entries = List.copyOf(entries);
    }
}
