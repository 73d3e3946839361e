package org.openspime.scopenode.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openspime.scopenode.scope.ScopeFile.Entry;

/** Turns the entries of a scope file into a {@link Scope}, adding a problem per bad value instead of stopping. */
final class ScopeParser {
    private final String source;
    private final List<String> problems;

    ScopeParser(String source, List<String> problems) {
        this.source = source;
        this.problems = problems;
    }

    /** The scope, or null when there were problems (which are then in the list). */
    Scope build(Map<String, Entry> top, Map<String, Map<String, Entry>> fieldEntries) {
        String name = text(top.get("name"));
        if (name == null || name.isEmpty()) {
            problems.add(source + ": name: required");
        }
        Scope.Visibility visibility = null;
        Entry vis = top.get("visibility");
        if (vis == null) {
            problems.add(source + ": visibility: required (public or private)");
        } else if (vis.value().equals("public") || vis.value().equals("private")) {
            visibility = vis.value().equals("public") ? Scope.Visibility.PUBLIC : Scope.Visibility.PRIVATE;
        } else {
            problems.add(vis.where() + "must be public or private, got '" + vis.value() + "'");
        }
        boolean unsigned = bool(top.get("allow-unsigned"), false);
        boolean unencrypted = bool(top.get("allow-unencrypted"), false);
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, Map<String, Entry>> f : fieldEntries.entrySet()) {
            Field field = field(f.getKey(), f.getValue());
            if (field != null) {
                fields.add(field);
            }
        }
        if (fieldEntries.isEmpty()) {
            problems.add(source + ": no field declared (add at least field.<name>.type = ...)");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Scope(name, text(top.get("description")), visibility, new DataFormat(fields), unsigned,
                unencrypted);
    }

    private Field field(String name, Map<String, Entry> props) {
        int before = problems.size();
        Entry typeEntry = props.get("type");
        FieldType type = null;
        if (typeEntry == null) {
            Entry first = props.values().iterator().next();
            problems.add("line " + first.line() + ": field." + name + ": has no field." + name
                    + ".type (decimal, integer, boolean or text)");
        } else {
            type = FieldType.fromFileName(typeEntry.value());
            if (type == null) {
                problems.add(typeEntry.where() + "unknown type '" + typeEntry.value()
                        + "' (decimal, integer, boolean or text)");
            }
        }
        boolean required = bool(props.get("required"), false);
        Double min = number(props.get("min"));
        Double max = number(props.get("max"));
        Integer maxLength = length(props.get("max-length"));
        if (type != null) {
            if (!type.isNumeric()) {
                notFor(props.get("min"), type);
                notFor(props.get("max"), type);
            }
            if (type != FieldType.TEXT) {
                notFor(props.get("max-length"), type);
            }
        }
        if (min != null && max != null && min > max) {
            problems.add(props.get("max").where() + "max " + max + " is below min " + min);
        }
        if (problems.size() > before) {
            return null;
        }
        return new Field(name, type, text(props.get("unit")), required, min, max, maxLength);
    }

    private void notFor(Entry e, FieldType type) {
        if (e != null) {
            problems.add(e.where() + "does not apply to " + (type == FieldType.INTEGER ? "an " : "a ")
                    + type.fileName() + " field");
        }
    }

    private static String text(Entry e) {
        return e == null || e.value().isEmpty() ? null : e.value();
    }

    private boolean bool(Entry e, boolean fallback) {
        if (e == null) {
            return fallback;
        }
        if (e.value().equals("true") || e.value().equals("false")) {
            return Boolean.parseBoolean(e.value());
        }
        problems.add(e.where() + "must be true or false, got '" + e.value() + "'");
        return fallback;
    }

    private Double number(Entry e) {
        if (e == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(e.value());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(e.where() + "not a finite number: '" + e.value() + "'");
        return null;
    }

    private Integer length(Entry e) {
        if (e == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(e.value());
            if (n >= 1 && n <= Field.MAX_TEXT_LENGTH) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(e.where() + "must be a whole number from 1 to " + Field.MAX_TEXT_LENGTH + ", got '"
                + e.value() + "'");
        return null;
    }
}
