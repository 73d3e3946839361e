/**
 * Group commit between the report handler and the {@link org.openspime.scopenode.storage.ReadingStore}: reports
 * from many spimes share one transaction, and each report's future completes only after that transaction has
 * committed, so the acknowledgment a spime receives always means "durably stored".
 */
package org.openspime.scopenode.ingest;
