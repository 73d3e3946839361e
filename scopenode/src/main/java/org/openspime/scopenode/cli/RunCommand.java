package org.openspime.scopenode.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.openspime.scopenode.node.NodeSettings;
import org.openspime.scopenode.node.ScopeNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scopenode run}: runs the ScopeNode until SIGTERM or SIGINT, then stops it without losing anything
 * acknowledged: no new reports are taken, the ingest queue is drained and its acknowledgments sent, and only then
 * are the connection and the database closed.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the ScopeNode daemon.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    NodeOptions options = new NodeOptions();

    @Override
    public Integer call() throws Exception {
        NodeSettings settings = options.resolve();
        ScopeNode node = ScopeNode.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "scopenode-shutdown"));
        System.out.printf("ScopeNode %s running%n  scope:      %s%n  key:        %s%n  query API:  http://%s:%d/api/"
                        + "readings (Authorization: Bearer <query-token>)%n  data:       %s%n",
                node.snid(), node.scope().name(), node.keys().fingerprint(), settings.httpBind(), node.httpPort(),
                settings.dataDir().toAbsolutePath());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
