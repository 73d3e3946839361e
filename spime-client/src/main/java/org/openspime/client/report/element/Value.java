package org.openspime.client.report.element;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One measured field of a reading: a name the scope's format declares, a type, the value, and an optional unit
 * (free text such as {@code ppm} or {@code Cel}; UCUM codes are recommended). Equal when name, type, lexical form
 * and unit are equal, so {@code 415.2} and {@code 415.20} differ, as they do on the wire.
 */
public final class Value {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    private static final int MAX_UNIT = 32;

    private final String name;
    private final ValueType type;
    private final String lexical;
    private final Object value;
    private final String unit;

    private Value(String name, ValueType type, String lexical, String unit) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("value name must match [A-Za-z_][A-Za-z0-9_.-]{0,63}, not '" + name + "'");
        }
        if (unit != null && (unit.isEmpty() || unit.length() > MAX_UNIT || unit.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("unit of '" + name + "' must be 1-" + MAX_UNIT + " characters without controls");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.value = type.parse(Objects.requireNonNull(lexical, "value"));
        this.lexical = lexical;
        this.unit = unit;
    }

    /** A value from its wire form; throws IllegalArgumentException naming what is wrong. */
    public static Value parse(String name, ValueType type, String lexical, String unit) {
        return new Value(name, type, lexical, unit);
    }

    public static Value decimal(String name, BigDecimal value, String unit) {
        return new Value(name, ValueType.DECIMAL, value.toPlainString(), unit);
    }

    public static Value decimal(String name, String value, String unit) {
        return new Value(name, ValueType.DECIMAL, value, unit);
    }

    public static Value integer(String name, long value, String unit) {
        return new Value(name, ValueType.INTEGER, Long.toString(value), unit);
    }

    public static Value bool(String name, boolean value) {
        return new Value(name, ValueType.BOOLEAN, Boolean.toString(value), null);
    }

    public static Value text(String name, String value) {
        return new Value(name, ValueType.TEXT, value, null);
    }

    public String name() {
        return name;
    }

    public ValueType type() {
        return type;
    }

    /** The text written on the wire. */
    public String lexical() {
        return lexical;
    }

    public Optional<String> unit() {
        return Optional.ofNullable(unit);
    }

    public BigDecimal decimal() {
        return as(ValueType.DECIMAL, BigDecimal.class);
    }

    public long integer() {
        return as(ValueType.INTEGER, Long.class);
    }

    public boolean bool() {
        return as(ValueType.BOOLEAN, Boolean.class);
    }

    public String text() {
        return as(ValueType.TEXT, String.class);
    }

    private <T> T as(ValueType wanted, Class<T> javaType) {
        if (type != wanted) {
            throw new IllegalStateException("value '" + name + "' is " + type.wireName() + ", not " + wanted.wireName());
        }
        return javaType.cast(value);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Value)) {
            return false;
        }
        Value v = (Value) o;
        return name.equals(v.name) && type == v.type && lexical.equals(v.lexical) && Objects.equals(unit, v.unit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, lexical, unit);
    }

    @Override
    public String toString() {
        return name + "=" + lexical + (unit == null ? "" : " " + unit) + " (" + type.wireName() + ")";
    }
}
