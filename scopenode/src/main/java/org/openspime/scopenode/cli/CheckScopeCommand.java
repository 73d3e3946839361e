package org.openspime.scopenode.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openspime.scopenode.scope.Field;
import org.openspime.scopenode.scope.Scope;
import org.openspime.scopenode.scope.ScopeFile;
import org.openspime.scopenode.scope.ScopeFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scopenode check-scope FILE}: prints every problem of a scope file (exit 1), or its summary (exit 0). */
@Command(name = "check-scope", mixinStandardHelpOptions = true, description = "Check a scope file and print what it declares.")
final class CheckScopeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
        Scope scope;
        try {
            scope = ScopeFile.load(file);
        } catch (ScopeFileException e) {
            e.problems().forEach(System.out::println);
            return 1;
        }
        System.out.printf("scope %s (%s): %s%n  signed reports %s, encrypted reports %s%n", scope.name(),
                scope.visibility().name().toLowerCase(java.util.Locale.ROOT), scope.description(),
                scope.allowUnsigned() ? "optional" : "required", scope.allowUnencrypted() ? "optional" : "required");
        for (Field f : scope.format().fields()) {
            System.out.printf("  %-20s %-8s %-8s %s%s%s%n", f.name(), f.type().fileName(),
                    f.unit() == null ? "" : f.unit(), f.required() ? "required" : "optional",
                    f.min() == null ? "" : " min " + f.min(), f.max() == null ? "" : " max " + f.max());
        }
        return 0;
    }
}
