package org.openspime.gate.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.openspime.web.ops.ReadinessCheck;

/**
 * Ready when a pooled connection answers {@code SELECT 1} within two seconds: logins, rosters and the console
 * all need the database, so a gate without it should not be sent traffic.
 */
public final class DatabaseReachable implements ReadinessCheck {
    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    public DatabaseReachable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Result check() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1")) {
            ps.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Result.up() : Result.down("SELECT 1 returned no row");
            }
        } catch (SQLException | RuntimeException e) {
            return Result.down("database unreachable: " + e.getMessage());
        }
    }
}
