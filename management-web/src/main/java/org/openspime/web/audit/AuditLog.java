package org.openspime.web.audit;

/**
 * Where the audit trail is kept. The gate implements it on JDBC; {@link #record} must be durable before
 * it returns, since the trail is what an operator relies on after an incident.
 */
public interface AuditLog {

    void record(AuditEntry entry);

    AuditListing query(AuditQuery query);
}
