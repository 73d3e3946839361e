package org.openspime.bench;

import java.util.Map;

/** A scenario's {@code --key=value} options with their defaults. */
record Options(Map<String, String> values) {

    int integer(String key, int dflt) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : dflt;
    }

    String string(String key, String dflt) {
        return values.getOrDefault(key, dflt);
    }
}
