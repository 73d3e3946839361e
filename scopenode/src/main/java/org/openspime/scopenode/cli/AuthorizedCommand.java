package org.openspime.scopenode.cli;

import java.util.concurrent.Callable;
import org.openspime.scopenode.authorization.Authorization;
import org.openspime.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code scopenode authorized}: the authorization list, one entry a line: pattern, when, by whom. */
@Command(name = "authorized", mixinStandardHelpOptions = true, description = "List the authorized SpimeIDs and patterns.")
final class AuthorizedCommand implements Callable<Integer> {

    @Mixin
    NodeOptions options = new NodeOptions();

    @Override
    public Integer call() throws Exception {
        try (Database db = options.openDatabase()) {
            for (Authorization a : options.authorization(db).list()) {
                System.out.printf("%s\t%s\t%s%n", a.pattern(), a.authorizedAt(),
                        a.authorizedBy() == null ? "" : a.authorizedBy());
            }
        }
        return 0;
    }
}
