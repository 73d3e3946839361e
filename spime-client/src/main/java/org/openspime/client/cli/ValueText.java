package org.openspime.client.cli;

import java.util.regex.Pattern;
import org.openspime.client.report.element.Value;
import org.openspime.client.report.element.ValueType;

/**
 * A value from its text, typed by its form: {@code 415} integer, {@code 21.5} decimal, {@code true}/{@code false}
 * boolean, anything else text — unless a type is given.
 */
final class ValueText {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}\\.[0-9]{1,40}");

    private ValueText() {
    }

    static ValueType inferType(String text) {
        if (INTEGER.matcher(text).matches()) {
            return ValueType.INTEGER;
        }
        if (DECIMAL.matcher(text).matches()) {
            return ValueType.DECIMAL;
        }
        if ("true".equals(text) || "false".equals(text)) {
            return ValueType.BOOLEAN;
        }
        return ValueType.TEXT;
    }

    /** {@code NAME=VALUE[:UNIT]}, as given to {@code --value}. */
    static Value option(String option) throws ReadingFormatException {
        int eq = option.indexOf('=');
        if (eq <= 0) {
            throw new ReadingFormatException("--value '" + option + "': expected NAME=VALUE[:UNIT], e.g. co2=415:ppm");
        }
        String name = option.substring(0, eq);
        String rest = option.substring(eq + 1);
        int colon = rest.lastIndexOf(':');
        String text = colon < 0 ? rest : rest.substring(0, colon);
        String unit = colon < 0 ? null : rest.substring(colon + 1);
        ValueType type = inferType(text);
        try {
            return Value.parse(name, type, text, type == ValueType.BOOLEAN || type == ValueType.TEXT ? null : unit);
        } catch (IllegalArgumentException e) {
            throw new ReadingFormatException("--value '" + option + "': " + e.getMessage());
        }
    }
}
