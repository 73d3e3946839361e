package org.openspime.scopenode.scope;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openspime.scopenode.reading.IncomingReading;
import org.openspime.scopenode.reading.IncomingReport;

/**
 * Checks readings against a {@link DataFormat} and reports every violation at once, not just the first, so that a
 * device maker sees all that is wrong with a reading in one answer. A report with any violation is refused whole
 * ({@code inconsistent-data-with-scope}); nothing of it is stored.
 */
public final class FormatCheck {
    /** Plain decimal notation; refuses NaN, Infinity and hexadecimal floats, which Double.parseDouble accepts. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");

    private final DataFormat format;

    public FormatCheck(DataFormat format) {
        this.format = format;
    }

    /** The outcome for one reading: its violations, and its values converted to the declared types. */
    public record Result(List<Violation> violations, Map<String, Object> typedValues) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /** Every violation of every reading of a report, in reading order; empty when the report fits. */
    public List<Violation> check(IncomingReport report) {
        List<Violation> all = new ArrayList<>();
        for (int i = 0; i < report.readings().size(); i++) {
            all.addAll(check(i, report.readings().get(i)).violations());
        }
        return all;
    }

    /** Checks one reading; {@code index} is its position in the report, quoted in the violations. */
    public Result check(int index, IncomingReading reading) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Field f : format.requiredFields()) {
            if (reading.values().get(f.name()) == null) {
                violations.add(new Violation(index, f.name(), "required field is missing"));
            }
        }
        // Sorted so that the violations come out in a stable order whatever the map's iteration order.
        for (String name : new TreeSet<>(reading.values().keySet())) {
            Object raw = reading.values().get(name);
            Field f = format.field(name);
            if (f == null) {
                violations.add(new Violation(index, name, "field is not declared by the scope"));
            } else if (raw != null) {
                Object value = convert(f.type(), raw);
                if (value == null) {
                    violations.add(new Violation(index, name, "not " + article(f.type()) + ": '" + raw + "'"));
                } else {
                    String out = outOfBounds(f, value);
                    if (out != null) {
                        violations.add(new Violation(index, name, out));
                    } else {
                        typed.put(name, value);
                    }
                }
            }
        }
        return new Result(List.copyOf(violations), violations.isEmpty() ? Map.copyOf(typed) : Map.of());
    }

    /** The value in the type's Java type (Double, Long, Boolean, String), or null when it is not of that type. */
    public static Object convert(FieldType type, Object raw) {
        switch (type) {
            case DECIMAL:
                if (raw instanceof Number n) {
                    double d = n.doubleValue();
                    return Double.isFinite(d) ? d : null;
                }
                String ds = raw.toString().trim();
                return DECIMAL.matcher(ds).matches() ? finiteOrNull(Double.parseDouble(ds)) : null;
            case INTEGER:
                if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
                    return ((Number) raw).longValue();
                }
                String is = raw instanceof BigDecimal bd ? bd.toPlainString() : raw.toString().trim();
                if (!INTEGER.matcher(is).matches()) {
                    return null;
                }
                try {
                    return Long.parseLong(is);
                } catch (NumberFormatException overflow) {
                    return null;
                }
            case BOOLEAN:
                if (raw instanceof Boolean b) {
                    return b;
                }
                // xsd:boolean's lexical space, since values arrive as XML text.
                return switch (raw.toString().trim()) {
                    case "true", "1" -> Boolean.TRUE;
                    case "false", "0" -> Boolean.FALSE;
                    default -> null;
                };
            case TEXT:
                return raw instanceof CharSequence ? raw.toString() : null;
            default:
                throw new AssertionError(type);
        }
    }

    private static Double finiteOrNull(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static String outOfBounds(Field f, Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (f.min() != null && d < f.min()) {
                return value + " is below the minimum " + num(f.min()) + unit(f);
            }
            if (f.max() != null && d > f.max()) {
                return value + " is above the maximum " + num(f.max()) + unit(f);
            }
        } else if (value instanceof String s) {
            int length = s.codePointCount(0, s.length());
            if (length > f.maxLength()) {
                return "text of " + length + " characters is longer than the maximum " + f.maxLength();
            }
        }
        return null;
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String unit(Field f) {
        return f.unit() == null ? "" : " " + f.unit();
    }

    private static String article(FieldType t) {
        return t == FieldType.INTEGER ? "an integer" : "a " + t.fileName();
    }
}
