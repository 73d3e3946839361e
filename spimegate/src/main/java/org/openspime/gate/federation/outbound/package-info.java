/**
 * Outbound s2s: links that carry local stanzas to peer domains (queued during set-up, bounced on failure), the
 * connector that opens streams without one peer holding up another, client-side TLS with per-domain trust, and
 * the receiving side's dialback checks.
 */
package org.openspime.gate.federation.outbound;
