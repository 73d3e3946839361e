package org.openspime.scopenode.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openspime.scopenode.scope.DataFormat;
import org.openspime.scopenode.scope.Field;
import org.openspime.scopenode.scope.FieldType;

/**
 * The typed value columns of the readings table, one per field the scope has ever declared. Bringing the table in
 * line with the scope file adds a column ({@code v_<field>}, nullable, so instant on PostgreSQL) for each newly
 * declared field. A field whose declared type differs from its column's is refused: the stored values would no
 * longer mean what the scope says; the scope owner declares a field under a new name instead.
 */
final class ReadingColumns {
    /** A field that has a column. */
    record Column(String field, String column, FieldType type) {
    }

    private final Map<String, Column> byField;
    private final List<Column> current;

    private ReadingColumns(Map<String, Column> byField, List<Column> current) {
        this.byField = Collections.unmodifiableMap(byField);
        this.current = List.copyOf(current);
    }

    /** Adds what the format needs, in one transaction, and returns the mapping. */
    static ReadingColumns reconcile(Connection c, DataFormat format) throws SQLException {
        Map<String, Column> known = load(c);
        for (Field f : format.fields()) {
            Column col = known.get(f.name());
            if (col == null) {
                col = new Column(f.name(), "v_" + f.name(), f.type());
                try (Statement s = c.createStatement()) {
                    // The name is a checked identifier ([a-z][a-z0-9_]*) and the prefix keeps it off reserved words.
                    s.execute("ALTER TABLE readings ADD COLUMN " + col.column() + " " + sqlType(f.type()));
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO scope_fields (name, column_name, type) VALUES (?, ?, ?)")) {
                    ps.setString(1, col.field());
                    ps.setString(2, col.column());
                    ps.setString(3, col.type().name());
                    ps.executeUpdate();
                }
                known.put(f.name(), col);
            } else if (col.type() != f.type()) {
                throw new IllegalStateException("scope field '" + f.name() + "' is declared " + f.type().fileName()
                        + " but its stored readings are " + col.type().fileName()
                        + "; a field keeps its type: declare the new kind of value under another name");
            }
        }
        List<Column> current = format.fields().stream().map(f -> known.get(f.name())).toList();
        return new ReadingColumns(known, current);
    }

    private static Map<String, Column> load(Connection c) throws SQLException {
        Map<String, Column> known = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, column_name, type FROM scope_fields ORDER BY added_at, name")) {
            while (rs.next()) {
                known.put(rs.getString(1), new Column(rs.getString(1), rs.getString(2),
                        FieldType.valueOf(rs.getString(3))));
            }
        }
        return known;
    }

    static String sqlType(FieldType t) {
        return switch (t) {
            case DECIMAL -> "DOUBLE PRECISION";
            case INTEGER -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            // The declared max length is checked on the way in; a fixed column width lets it change freely.
            case TEXT -> "VARCHAR(" + Field.MAX_TEXT_LENGTH + ")";
        };
    }

    /** The columns written for new readings: those of the fields the scope declares now, in its order. */
    List<Column> current() {
        return current;
    }

    /** The column of a field, current or retired, or null. */
    Column column(String field) {
        return byField.get(field);
    }

    /** Every field with a column, current or retired. */
    List<Column> all() {
        return List.copyOf(byField.values());
    }
}
