package org.openspime.scopenode.scope;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One declared field of a data format.
 *
 * @param name      lower-case identifier, {@code [a-z][a-z0-9_]*}, at most {@value #MAX_NAME_LENGTH} characters
 * @param type      the value type
 * @param unit      the unit the value is in (e.g. {@code ppm}, {@code °C}), or null when it has none
 * @param required  whether every reading must carry it
 * @param min       the smallest accepted value for numeric fields, or null
 * @param max       the largest accepted value for numeric fields, or null
 * @param maxLength the longest accepted text (in characters) for text fields; always set for text
 */
public record Field(String name, FieldType type, String unit, boolean required, Double min, Double max,
                    Integer maxLength) {
    public static final int MAX_NAME_LENGTH = 40;
    /** What a text field may hold when its scope file does not say. */
    public static final int DEFAULT_TEXT_LENGTH = 256;
    /** The ceiling for a text field's declared length; longer payloads do not belong in a reading. */
    public static final int MAX_TEXT_LENGTH = 4096;
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0," + (MAX_NAME_LENGTH - 1) + "}");

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("field name must match " + NAME.pattern() + ": " + name);
        }
        if (type != FieldType.TEXT) {
            maxLength = null;
        } else if (maxLength == null) {
            maxLength = DEFAULT_TEXT_LENGTH;
        }
        if (!type.isNumeric()) {
            min = null;
            max = null;
        }
    }
}
