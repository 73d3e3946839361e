package org.openspime.client.report.element;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The four value types of a reading, named as on the wire, each with its single lexical form: a reading's
 * text is parsed strictly so that a ScopeNode in any language reads the same number.
 */
public enum ValueType {
    /** Decimal without exponent: {@code -?[0-9]+(\.[0-9]+)?}, up to 40 digits; kept with its scale ({@code 415.20}). */
    DECIMAL("decimal"),
    /** 64-bit signed integer: {@code -?[0-9]+}. */
    INTEGER("integer"),
    /** {@code true} or {@code false}, nothing else. */
    BOOLEAN("boolean"),
    /** Any text (XML 1.0 characters), at most 1,024 UTF-16 units. */
    TEXT("text");

    static final int MAX_TEXT = 1024;
    private static final Pattern DECIMAL_FORM = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");
    private static final Pattern INTEGER_FORM = Pattern.compile("-?[0-9]{1,19}");

    private final String wireName;

    ValueType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ValueType fromWireName(String name) {
        for (ValueType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("value type '" + name + "' is not decimal, integer, boolean or text");
    }

    /**
     * The Java value of a lexical form: BigDecimal, Long, Boolean or String.
     *
     * @throws IllegalArgumentException when the text is not this type's lexical form
     */
    public Object parse(String lexical) {
        switch (this) {
            case DECIMAL:
                if (!DECIMAL_FORM.matcher(lexical).matches()) {
                    throw new IllegalArgumentException("'" + lexical + "' is not a decimal (digits, optional '-' and '.', no exponent)");
                }
                return new BigDecimal(lexical);
            case INTEGER:
                if (!INTEGER_FORM.matcher(lexical).matches()) {
                    throw new IllegalArgumentException("'" + lexical + "' is not an integer");
                }
                try {
                    return Long.parseLong(lexical);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + lexical + "' does not fit 64 bits", e);
                }
            case BOOLEAN:
                if (!"true".equals(lexical) && !"false".equals(lexical)) {
                    throw new IllegalArgumentException("'" + lexical + "' is not true or false");
                }
                return Boolean.valueOf(lexical);
            default:
                if (lexical.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("text value longer than " + MAX_TEXT + " characters");
                }
                for (int i = 0; i < lexical.length(); i++) {
                    char c = lexical.charAt(i);
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("text value holds U+" + String.format("%04X", (int) c) + ", not allowed in XML 1.0");
                    }
                }
                return lexical;
        }
    }
}
