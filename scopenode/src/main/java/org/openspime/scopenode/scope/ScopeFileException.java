package org.openspime.scopenode.scope;

import java.util.List;

/** A scope file that cannot be used; {@link #problems()} lists every problem, each with its line and key. */
public final class ScopeFileException extends Exception {
    private final List<String> problems;

    public ScopeFileException(String source, List<String> problems) {
        super("invalid scope file " + source + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
