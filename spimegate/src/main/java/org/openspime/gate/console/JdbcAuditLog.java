package org.openspime.gate.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.audit.AuditListing;
import org.openspime.web.audit.AuditLog;
import org.openspime.web.audit.AuditQuery;

/**
 * The audit trail in the gate's database ({@code audit_entries}, migration V3). {@link #record} is one
 * auto-committed insert, so an entry is durable when it returns. Queries follow {@link AuditQuery#matches}:
 * operator case-insensitively, action as a prefix, target as a substring, {@code since} inclusive and
 * {@code until} exclusive, newest first.
 */
public final class JdbcAuditLog implements AuditLog {
    private final Jdbc jdbc;

    public JdbcAuditLog(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "audit log");
    }

    @Override
    public void record(AuditEntry e) {
        try {
            jdbc.update("INSERT INTO audit_entries (recorded_at, who, who_folded, action, target, detail, from_address, via)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Jdbc.timestamp(e.when()), Jdbc.clip(e.who(), 64),
                    Jdbc.clip(e.who(), 64).toLowerCase(Locale.ROOT), Jdbc.clip(e.action(), 64),
                    Jdbc.clip(e.target(), 3071), Jdbc.clip(e.detail(), 2048), Jdbc.clip(e.from(), 256),
                    Jdbc.clip(e.via(), 16));
        } catch (SQLException ex) {
            throw jdbc.failure(ex);
        }
    }

    @Override
    public AuditListing query(AuditQuery q) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        List<AuditEntry> entries = jdbc.query("SELECT recorded_at, who, action, target, detail, from_address, via"
                + " FROM audit_entries" + where + " ORDER BY recorded_at DESC, id DESC LIMIT " + q.limit()
                + " OFFSET " + q.offset(), JdbcAuditLog::entry, args.toArray());
        // A page that is not full says the total by itself; only a full one needs the count.
        long total = entries.size() < q.limit() && (q.offset() == 0 || !entries.isEmpty())
                ? q.offset() + entries.size()
                : jdbc.count("SELECT COUNT(*) FROM audit_entries" + where, args.toArray());
        return new AuditListing(entries, total);
    }

    private static String where(AuditQuery q, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (!q.who().isEmpty()) {
            conditions.add("who_folded = ?");
            args.add(q.who().toLowerCase(Locale.ROOT));
        }
        if (!q.action().isEmpty()) {
            conditions.add("action LIKE ? ESCAPE '!'");
            args.add(escapeLike(q.action()) + "%");
        }
        if (!q.target().isEmpty()) {
            conditions.add("target LIKE ? ESCAPE '!'");
            args.add("%" + escapeLike(q.target()) + "%");
        }
        q.since().ifPresent(s -> {
            conditions.add("recorded_at >= ?");
            args.add(Jdbc.timestamp(s));
        });
        q.until().ifPresent(u -> {
            conditions.add("recorded_at < ?");
            args.add(Jdbc.timestamp(u));
        });
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(Jdbc.instant(rs, "recorded_at"), rs.getString("who"), rs.getString("action"),
                rs.getString("target"), rs.getString("detail"), rs.getString("from_address"), rs.getString("via"));
    }
}
