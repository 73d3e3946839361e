package org.openspime.certification.service;

import java.util.List;
import java.util.Optional;
import org.openspime.certification.Jid;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.keys.Fingerprint;

/**
 * Where a gate keeps published keys with their attestations and revocations (the gate implements it
 * on JDBC). Implementations must be thread-safe.
 *
 * <p>Contract the service relies on: a record is found by its key's fingerprint, which is unique across
 * all JIDs; a revoked record must be kept at least until its validity ends, so that a replayed
 * publication of it is recognised and refused (keeping revoked fingerprints forever is simplest).
 * Expired, unrevoked records may be purged.
 */
public interface PublishedKeyStore {

    /** The record of the key with this fingerprint, whatever its JID or state. */
    Optional<KeyRecord> find(Fingerprint fingerprint);

    /** Every record kept for {@code jid}, expired and revoked ones included, in any order. */
    List<KeyRecord> findByJid(Jid jid);

    /** Inserts the record, or replaces the one with the same fingerprint. */
    void save(KeyRecord record);
}
