package org.openspime.gate.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Lets gate options be written before or after an {@code admin} subcommand: the subcommand's value wins, the
 * command's fills in. Goes over the fields reflectively so that an option added to {@link GateOptions} later is
 * merged too.
 */
final class GateOptionsMerge {
    private GateOptionsMerge() {
    }

    static GateOptions merge(GateOptions outer, GateOptions inner) {
        GateOptions merged = new GateOptions();
        try {
            for (Field f : GateOptions.class.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                f.setAccessible(true);
                Object value = f.get(inner);
                f.set(merged, value != null ? value : f.get(outer));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot merge gate options", e);
        }
        return merged;
    }
}
