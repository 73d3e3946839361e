/**
 * Reporting to a ScopeNode with nothing lost: {@link org.openspime.client.reporting.Reporter} seals a report once,
 * queues it in the spime's {@link org.openspime.client.outbox.Outbox} before it is sent, and keeps it there until the
 * ScopeNode acknowledges it, retrying by the error table of {@code docs/protocol-report.md} (section 7): the same
 * envelope again after {@code wait} errors and lost answers, a resealed one after {@code no-key-available}, and to
 * {@code rejected/} with the reason after every other refusal. {@link org.openspime.client.reporting.Batches} packs
 * many readings into as few reports as the limits allow.
 */
package org.openspime.client.reporting;
