package org.openspime.scopenode.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.openspime.scopenode.authorization.SpimeAuthorization;
import org.openspime.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code scopenode revoke PATTERN...}: removes entries as they were authorized; exit code 1 if one was absent. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Remove SpimeIDs or patterns from the authorization list (written as they were authorized).")
final class RevokeCommand implements Callable<Integer> {

    @Mixin
    NodeOptions options = new NodeOptions();

    @Parameters(arity = "1..*", paramLabel = "PATTERN")
    List<String> patterns;

    @Override
    public Integer call() throws Exception {
        int status = 0;
        try (Database db = options.openDatabase()) {
            SpimeAuthorization authorization = options.authorization(db);
            for (String p : patterns) {
                if (authorization.revoke(p)) {
                    System.out.println("revoked " + p);
                } else {
                    System.out.println("not on the list: " + p);
                    status = 1;
                }
            }
        }
        return status;
    }
}
