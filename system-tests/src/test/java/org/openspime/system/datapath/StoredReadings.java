package org.openspime.system.datapath;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.openspime.sql.testing.PostgresTestDatabase;

/** What the ScopeNode's PostgreSQL database holds, read with plain JDBC behind the ScopeNode's back. */
final class StoredReadings {

    private StoredReadings() {
    }

    static String row(String spime, String reportId, int readingIndex, long co2) {
        return spime + "|" + reportId + "|" + readingIndex + "|" + co2;
    }

    /** Every stored reading as {@code spime|report id|reading index|co2}, duplicates included. */
    static List<String> rows(PostgresTestDatabase pg) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT s.spime_id, r.report_id, r.reading_index, r.v_co2 FROM readings r"
                     + " JOIN spimes s ON s.spime_key = r.spime_key")) {
            while (rs.next()) {
                rows.add(row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
            }
        }
        return rows;
    }

    /** Rows of one spime. */
    static List<String> rowsOf(PostgresTestDatabase pg, String spime) throws Exception {
        return rows(pg).stream().filter(r -> r.startsWith(spime + "|")).toList();
    }
}
