/**
 * The durable outbox: every report a spime has sealed but the ScopeNode has not yet acknowledged, on disk, so that a
 * crash (kill -9, power loss) of the spime process loses nothing.
 *
 * <p><b>One file per pending report, replaced atomically</b> rather than an append-only journal. A spime's outbox is
 * small (reports wait only while a ScopeNode is unreachable) and entries change state one at a time (sent, resealed,
 * acknowledged), so per-entry files give what a journal would need compaction and replay for: removing an
 * acknowledged report is one {@code unlink}, a rejected one is moved to {@code rejected/} for inspection, and a damaged
 * entry damages only itself. Each write goes to {@code name.tmp}, is fsync'ed, renamed over the entry with
 * {@code ATOMIC_MOVE} and the directory is fsync'ed, so after a crash an entry is either the old version or the new
 * one, never half of each. A {@code .tmp} left by a crash was never acknowledged to the caller and is deleted on open.
 *
 * <p>Each entry ({@link org.openspime.client.outbox.EntryCodec}) carries a magic, a version, length-prefixed fields
 * and a CRC-32 of everything before it; an entry that fails to read (torn by a disk that lies about fsync, edited by
 * hand) is moved to {@code corrupt/} with a warning and never stops the others from loading.
 *
 * <p>Resending after a crash is at-least-once: the ScopeNode may have stored a report whose acknowledgment was lost.
 * Report ids make that harmless (the ScopeNode answers {@code duplicate='true'} and stores nothing twice).
 */
package org.openspime.client.outbox;
