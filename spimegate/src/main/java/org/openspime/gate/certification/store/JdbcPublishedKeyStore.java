package org.openspime.gate.certification.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.openspime.certification.Jid;
import org.openspime.certification.MalformedKeyException;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.certification.service.PublishedKeyStore;

/**
 * Published keys in the gate database (tables {@code certification_key}, {@code certification_attestation},
 * {@code certification_revocation}).
 *
 * <p>Reads are one statement each (the key joined with its attestations and revocation), so a reader sees a
 * record either before or after a concurrent save, never half of one, on both engines. A save is one
 * transaction that writes the key row and replaces its attestations and revocation. It updates first and
 * inserts if nothing was there; two first saves of the same key race on the primary key, and the loser
 * retries once as an update. Thread-safe: it holds no state besides the pool.
 */
public final class JdbcPublishedKeyStore implements PublishedKeyStore {

    private static final String SELECT = "SELECT k.fingerprint, k.jid, k.spki, k.valid_from, k.valid_until,"
            + " a.seq, a.signer, a.signer_fingerprint, a.signed_at, a.signature,"
            + " r.revoked_at, r.reason, r.signer, r.signer_fingerprint, r.signature, r.jid"
            + " FROM certification_key k"
            + " LEFT JOIN certification_attestation a ON a.fingerprint = k.fingerprint"
            + " LEFT JOIN certification_revocation r ON r.fingerprint = k.fingerprint";
    private static final String BY_FINGERPRINT = SELECT + " WHERE k.fingerprint = ? ORDER BY a.seq";
    private static final String BY_JID = SELECT + " WHERE k.jid = ? ORDER BY k.fingerprint, a.seq";
    private static final String UPDATE_KEY =
            "UPDATE certification_key SET jid = ?, spki = ?, valid_from = ?, valid_until = ? WHERE fingerprint = ?";
    private static final String INSERT_KEY =
            "INSERT INTO certification_key (jid, spki, valid_from, valid_until, fingerprint) VALUES (?, ?, ?, ?, ?)";
    private static final String DELETE_ATTESTATIONS = "DELETE FROM certification_attestation WHERE fingerprint = ?";
    private static final String INSERT_ATTESTATION = "INSERT INTO certification_attestation"
            + " (fingerprint, seq, signer, signer_fingerprint, signed_at, signature) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String DELETE_REVOCATION = "DELETE FROM certification_revocation WHERE fingerprint = ?";
    private static final String INSERT_REVOCATION = "INSERT INTO certification_revocation"
            + " (fingerprint, jid, revoked_at, reason, signer, signer_fingerprint, signature) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public JdbcPublishedKeyStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<KeyRecord> find(Fingerprint fingerprint) {
        List<KeyRecord> records = select(BY_FINGERPRINT, fingerprint.toString());
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(0));
    }

    @Override
    public List<KeyRecord> findByJid(Jid jid) {
        return select(BY_JID, jid.toString());
    }

    @Override
    public void save(KeyRecord record) {
        try {
            try {
                write(record);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                write(record); // a concurrent first save of the same key won the insert; ours is now an update
            }
        } catch (SQLException e) {
            throw new IllegalStateException("certification store: cannot save key " + record.pubKey().fingerprint()
                    + " of " + record.pubKey().jid() + ": " + e.getMessage(), e);
        }
    }

    private void write(KeyRecord record) throws SQLException {
        PubKey key = record.pubKey();
        String fingerprint = key.fingerprint().toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (bindKey(c.prepareStatement(UPDATE_KEY), key) == 0) {
                    bindKey(c.prepareStatement(INSERT_KEY), key);
                }
                deleteByFingerprint(c, DELETE_ATTESTATIONS, fingerprint);
                try (PreparedStatement s = c.prepareStatement(INSERT_ATTESTATION)) {
                    int seq = 0;
                    for (Attestation a : record.attestations()) {
                        s.setString(1, fingerprint);
                        s.setInt(2, seq++);
                        s.setString(3, a.signer().toString());
                        s.setString(4, a.signerFingerprint().toString());
                        s.setObject(5, utc(a.signedAt()));
                        s.setBytes(6, a.signature());
                        s.addBatch();
                    }
                    if (seq > 0) {
                        s.executeBatch();
                    }
                }
                deleteByFingerprint(c, DELETE_REVOCATION, fingerprint);
                if (record.revocation().isPresent()) {
                    Revocation r = record.revocation().get();
                    try (PreparedStatement s = c.prepareStatement(INSERT_REVOCATION)) {
                        s.setString(1, fingerprint);
                        s.setString(2, r.jid().toString());
                        s.setObject(3, utc(r.revokedAt()));
                        s.setString(4, r.reason().token());
                        s.setString(5, r.signer().toString());
                        s.setString(6, r.signerFingerprint().toString());
                        s.setBytes(7, r.signature());
                        s.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static int bindKey(PreparedStatement statement, PubKey key) throws SQLException {
        try (PreparedStatement s = statement) {
            s.setString(1, key.jid().toString());
            s.setBytes(2, key.key().getEncoded());
            s.setObject(3, utc(key.begin()));
            s.setObject(4, utc(key.end()));
            s.setString(5, key.fingerprint().toString());
            return s.executeUpdate();
        }
    }

    private static void deleteByFingerprint(Connection c, String sql, String fingerprint) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, fingerprint);
            s.executeUpdate();
        }
    }

    private List<KeyRecord> select(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            Map<String, RecordRows> rows = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String fingerprint = rs.getString(1);
                    RecordRows r = rows.get(fingerprint);
                    if (r == null) {
                        r = new RecordRows(pubKey(rs), revocation(rs));
                        rows.put(fingerprint, r);
                    }
                    if (rs.getObject(6) != null) {
                        r.attestations.add(new Attestation(Jid.of(rs.getString(7)), Fingerprint.parse(rs.getString(8)),
                                instant(rs, 9), rs.getBytes(10)));
                    }
                }
            }
            List<KeyRecord> records = new ArrayList<>(rows.size());
            rows.values().forEach(r -> records.add(new KeyRecord(r.pubKey, r.attestations, r.revocation)));
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("certification store: cannot read keys for " + parameter + ": " + e.getMessage(), e);
        }
    }

    private static PubKey pubKey(ResultSet rs) throws SQLException {
        Jid jid = Jid.of(rs.getString(2));
        try {
            return new PubKey(jid, RsaKeys.decode(rs.getBytes(3)), instant(rs, 4), instant(rs, 5));
        } catch (MalformedKeyException e) {
            throw new IllegalStateException("certification store: the stored key " + rs.getString(1) + " of " + jid
                    + " does not decode: " + e.getMessage(), e);
        }
    }

    private static Optional<Revocation> revocation(ResultSet rs) throws SQLException {
        if (rs.getObject(11) == null) {
            return Optional.empty();
        }
        return Optional.of(new Revocation(Jid.of(rs.getString(16)), Fingerprint.parse(rs.getString(1)), instant(rs, 11),
                RevocationReason.fromToken(rs.getString(12)), Jid.of(rs.getString(13)), Fingerprint.parse(rs.getString(14)),
                rs.getBytes(15)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** One key's rows while they are being collected. */
    private static final class RecordRows {
        final PubKey pubKey;
        final Optional<Revocation> revocation;
        final List<Attestation> attestations = new ArrayList<>(1);

        RecordRows(PubKey pubKey, Optional<Revocation> revocation) {
            this.pubKey = pubKey;
            this.revocation = revocation;
        }
    }
}
