package org.openspime.certification.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openspime.certification.Jid;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.keys.Fingerprint;

/** A thread-safe store for tests only; the gate keeps keys in its database. */
public final class InMemoryPublishedKeyStore implements PublishedKeyStore {

    private final Map<Fingerprint, KeyRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<KeyRecord> find(Fingerprint fingerprint) {
        return Optional.ofNullable(records.get(fingerprint));
    }

    @Override
    public List<KeyRecord> findByJid(Jid jid) {
        return records.values().stream().filter(r -> r.pubKey().jid().equals(jid)).toList();
    }

    @Override
    public void save(KeyRecord record) {
        records.put(record.pubKey().fingerprint(), record);
    }

    public int size() {
        return records.size();
    }
}
