package org.openspime.scopenode.scope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a scope file: UTF-8 text, one {@code key = value} per line, {@code #} starts a comment line. Keys:
 *
 * <pre>
 * name              = co2-classrooms           (required)
 * description       = CO2 in school classrooms
 * visibility        = public | private         (required)
 * allow-unsigned    = false                    (default false)
 * allow-unencrypted = false                    (default false)
 * field.&lt;name&gt;.type       = decimal | integer | boolean | text   (required for each field)
 * field.&lt;name&gt;.unit       = ppm
 * field.&lt;name&gt;.required   = true | false                         (default false)
 * field.&lt;name&gt;.min        = 0          (numeric fields)
 * field.&lt;name&gt;.max        = 10000      (numeric fields)
 * field.&lt;name&gt;.max-length = 200        (text fields; default 256, at most 4096)
 * </pre>
 *
 * Fields keep the order in which they first appear. A line-oriented format rather than JSON so that every problem
 * can name its line, and so that an operator can edit it with anything. All problems are reported at once.
 */
public final class ScopeFile {
    private ScopeFile() {
    }

    public static Scope load(Path file) throws IOException, ScopeFileException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses the lines of a scope file; {@code source} names it in error messages. */
    public static Scope parse(String source, List<String> lines) throws ScopeFileException {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> top = new HashMap<>();
        Map<String, Map<String, Entry>> fields = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add("line " + lineNo + ": expected 'key = value', got '" + line + "'");
                continue;
            }
            Entry e = new Entry(lineNo, line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            Map<String, Entry> target;
            String key;
            if (e.key.startsWith("field.")) {
                int dot = e.key.lastIndexOf('.');
                String name = dot > 6 ? e.key.substring(6, dot) : "";
                key = e.key.substring(dot + 1);
                if (name.isEmpty() || !Field.NAME.matcher(name).matches()) {
                    problems.add(e.where() + "field name must match " + Field.NAME.pattern()
                            + " (lower-case letter, then letters, digits, '_')");
                    continue;
                }
                if (!FieldKeys.ALL.contains(key)) {
                    problems.add(e.where() + "unknown field property '" + key + "' (known: " + FieldKeys.ALL + ")");
                    continue;
                }
                target = fields.computeIfAbsent(name, n -> new LinkedHashMap<>());
            } else {
                key = e.key;
                if (!TopKeys.ALL.contains(key)) {
                    problems.add(e.where() + "unknown key (known: " + TopKeys.ALL + ", field.<name>.<property>)");
                    continue;
                }
                target = top;
            }
            Entry previous = target.putIfAbsent(key, e);
            if (previous != null) {
                problems.add(e.where() + "already set on line " + previous.line);
            }
        }
        Scope scope = new ScopeParser(source, problems).build(top, fields);
        if (!problems.isEmpty()) {
            throw new ScopeFileException(source, problems);
        }
        return scope;
    }

    /** One {@code key = value} line. */
    record Entry(int line, String key, String value) {
        String where() {
            return "line " + line + ": " + key + ": ";
        }
    }

    static final class TopKeys {
        static final List<String> ALL = List.of("name", "description", "visibility", "allow-unsigned",
                "allow-unencrypted");
    }

    static final class FieldKeys {
        static final List<String> ALL = List.of("type", "unit", "required", "min", "max", "max-length");
    }
}
