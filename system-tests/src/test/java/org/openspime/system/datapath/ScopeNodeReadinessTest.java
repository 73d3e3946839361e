package org.openspime.system.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.Jid;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.gate.identity.OsidKind;
import org.openspime.scopenode.node.ScopeNode;
import org.openspime.system.scopenode.NodeFixture;

/**
 * {@code /health} is what an operator, a supervisor and the kill tests wait for after starting a ScopeNode: it
 * must not say "up" before the ScopeNode can take reports. Logged in is not enough: until its key is published, an
 * SDK spime cannot even seal a report to it (its future fails at once with no key published).
 */
@Timeout(60)
class ScopeNodeReadinessTest {

    @TempDir
    Path dir;

    @Test
    void healthSaysUpOnlyOnceTheScopeNodesKeyIsPublishedAndItTakesReports() throws Exception {
        try (RestartableGate gate = RestartableGate.start(dir.resolve("gate"))) {
            gate.register(OsidKind.SCOPENODE, NodeFixture.SNID);
            int httpPort;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                httpPort = s.getLocalPort();
            }
            URI health = URI.create("http://127.0.0.1:" + httpPort + "/health");
            CompletableFuture<Boolean> keyPublishedAtFirstUp = CompletableFuture.supplyAsync(() -> {
                HttpClient http = HttpClient.newHttpClient();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                while (System.nanoTime() < deadline) {
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2))
                                .build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            gate.gate().certification().service().query(Jid.of(NodeFixture.SNID));
                            return true;
                        }
                    } catch (NoKeyPublishedException e) {
                        return false;
                    } catch (IOException notListeningYet) {
                        Thread.onSpinWait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                }
                return null;
            });

            try (ScopeNode node = ScopeNode.start(NodeFixture.settings(gate.port(), gate.trust(),
                    Files.createDirectories(dir.resolve("node"))).withHttp("127.0.0.1", httpPort))) {
                assertThat(keyPublishedAtFirstUp.get(40, TimeUnit.SECONDS))
                        .as("the key was published when /health first said up").isTrue();
            }
        }
    }
}
