package org.openspime.scopenode.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.openspime.scopenode.authorization.SpimeAuthorization;
import org.openspime.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scopenode authorize PATTERN...}: lets SpimeIDs report; a running ScopeNode sees it within a second. */
@Command(name = "authorize", mixinStandardHelpOptions = true,
        description = "Authorize SpimeIDs or patterns (e.g. '*@gate.example/*') to report to this scope.")
final class AuthorizeCommand implements Callable<Integer> {

    @Mixin
    NodeOptions options = new NodeOptions();

    @Parameters(arity = "1..*", paramLabel = "PATTERN", description = "exact SpimeIDs or patterns with '*' within a part")
    List<String> patterns;

    @Option(names = "--by", paramLabel = "WHO", description = "who authorizes (recorded with the entry)")
    String by = System.getProperty("user.name");

    @Override
    public Integer call() throws Exception {
        try (Database db = options.openDatabase()) {
            SpimeAuthorization authorization = options.authorization(db);
            for (String p : patterns) {
                System.out.println((authorization.authorize(p, by) ? "authorized " : "already authorized ") + p);
            }
        }
        return 0;
    }
}
