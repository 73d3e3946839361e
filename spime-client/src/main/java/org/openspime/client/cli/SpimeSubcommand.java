package org.openspime.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every spime subcommand shares: a failure is one line on standard error ({@code error: …}) and exit code 1,
 * not a stack trace, whichever command line it runs under (the launcher's root has its own exception handler).
 */
abstract class SpimeSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            spec.commandLine().getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    abstract int run() throws Exception;
}
