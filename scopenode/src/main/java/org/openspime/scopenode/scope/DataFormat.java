package org.openspime.scopenode.scope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The declared fields of a scope, in declaration order, looked up by name. */
public final class DataFormat {
    private final Map<String, Field> fields;

    public DataFormat(List<Field> fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field f : fields) {
            if (byName.putIfAbsent(f.name(), f) != null) {
                throw new IllegalArgumentException("field declared twice: " + f.name());
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("a data format declares at least one field");
        }
        this.fields = Collections.unmodifiableMap(byName);
    }

    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    /** The field with that name, or null. */
    public Field field(String name) {
        return fields.get(name);
    }

    public List<Field> requiredFields() {
        List<Field> out = new ArrayList<>();
        for (Field f : fields.values()) {
            if (f.required()) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "DataFormat" + fields.keySet();
    }
}
