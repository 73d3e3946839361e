package org.openspime.gate.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Announcements in the gate's database, table {@code scope_directory} (migration V4). A row references its SNID in
 * {@code osids}, so deleting the ScopeNode's identity drops its announcement; a disabled SNID is not listed.
 *
 * <p>An announcement is an update, or an insert when there was none, in one transaction: standard SQL with no
 * upsert dialect, the same on H2 and PostgreSQL. Two announcements of one SNID racing to insert end with the
 * loser's unique violation, which it turns into the update it should have been.
 */
public final class JdbcScopeDirectoryStore implements ScopeDirectoryStore {
    private static final String UPDATE = "UPDATE scope_directory SET name = ?, visibility = ?, description = ?,"
            + " announced_at = ? WHERE snid = ?";
    private static final String INSERT = "INSERT INTO scope_directory (name, visibility, description, announced_at, snid)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String LIST = "SELECT d.snid, d.name, d.visibility, d.description, d.announced_at"
            + " FROM scope_directory d JOIN osids o ON o.jid = d.snid"
            + " WHERE d.visibility = 'public' AND o.state = 'ACTIVE' ORDER BY d.name, d.snid";

    private final DataSource dataSource;

    public JdbcScopeDirectoryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void announce(ScopeAnnouncement a) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (write(c, UPDATE, a) == 0) {
                    write(c, INSERT, a);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                write(c, UPDATE, a);
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("scope directory: cannot keep the announcement of " + a.snid() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<ScopeAnnouncement> publicScopes() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LIST);
             ResultSet rs = ps.executeQuery()) {
            List<ScopeAnnouncement> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ScopeAnnouncement(rs.getString(1), rs.getString(2),
                        ScopeVisibility.parse(rs.getString(3)).orElseThrow(), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("scope directory: cannot list public scopes: " + e.getMessage(), e);
        }
    }

    private static int write(Connection c, String sql, ScopeAnnouncement a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a.name());
            ps.setString(2, a.visibility().token());
            ps.setString(3, a.description());
            ps.setObject(4, OffsetDateTime.ofInstant(a.announced(), ZoneOffset.UTC));
            ps.setString(5, a.snid());
            return ps.executeUpdate();
        }
    }
}
