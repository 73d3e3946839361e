package org.openspime.scopenode.scope;

import java.util.Locale;

/** The type of a declared field, as written in a scope file. */
public enum FieldType {
    /** A real number, kept as an IEEE double: sensor values, not money. */
    DECIMAL,
    /** A signed 64-bit integer. */
    INTEGER,
    BOOLEAN,
    TEXT;

    /** The name used in scope files: {@code decimal}, {@code integer}, {@code boolean}, {@code text}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isNumeric() {
        return this == DECIMAL || this == INTEGER;
    }

    /** Parses a scope-file type name, or returns null. */
    static FieldType fromFileName(String s) {
        for (FieldType t : values()) {
            if (t.fileName().equals(s)) {
                return t;
            }
        }
        return null;
    }
}
