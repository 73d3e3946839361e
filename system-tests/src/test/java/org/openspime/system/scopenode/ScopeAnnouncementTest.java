package org.openspime.system.scopenode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.client.directory.ScopeDirectoryManager;
import org.openspime.client.directory.element.PublicScope;
import org.openspime.gate.testing.TestGate;
import org.openspime.scopenode.node.NodeSettings;
import org.openspime.scopenode.node.ScopeNode;

/** A ScopeNode announces its scope to the gate's directory by itself; spimes find a public one, with its state. */
class ScopeAnnouncementTest {

    @Test
    @Timeout(90)
    void aPublicScopeIsListedWhileItsScopeNodeRunsAndShownOfflineAfter(@TempDir Path dir) throws Exception {
        try (TestGate gate = TestGate.start()) {
            NodeSettings settings = NodeFixture.settings(gate, dir);
            Path scopeFile = settings.scopeFile();
            Files.writeString(scopeFile, Files.readString(scopeFile, StandardCharsets.UTF_8)
                    .replace("visibility  = private", "visibility  = public"), StandardCharsets.UTF_8);
            XMPPTCPConnection spime = gate.newClient("reader@gate.test/spime");
            try {
                ScopeDirectoryManager directory = ScopeDirectoryManager.getInstanceFor(spime);
                try (ScopeNode node = ScopeNode.start(settings)) {
                    PublicScope listed = awaitListed(directory, true);
                    assertThat(listed.snid().toString()).isEqualTo(node.snid().toString());
                    assertThat(listed.description()).isEqualTo("CO2 in rooms (system tests)");
                }
                assertThat(awaitListed(directory, false).online()).isFalse();
            } finally {
                spime.disconnect();
            }
        }
    }

    @Test
    @Timeout(90)
    void aPrivateScopeIsNotListed(@TempDir Path dir) throws Exception {
        try (TestGate gate = TestGate.start(); ScopeNode node = ScopeNode.start(NodeFixture.settings(gate, dir))) {
            XMPPTCPConnection spime = gate.newClient("reader@gate.test/spime");
            try {
                Thread.sleep(1_000); // the announcement is made right after login, off the start thread
                assertThat(ScopeDirectoryManager.getInstanceFor(spime).publicScopes())
                        .noneMatch(s -> s.name().equals(TestScope.NAME));
            } finally {
                spime.disconnect();
            }
        }
    }

    private static PublicScope awaitListed(ScopeDirectoryManager directory, boolean online) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<PublicScope> scopes = directory.publicScopes();
            Optional<PublicScope> found = scopes.stream()
                    .filter(s -> s.name().equals(TestScope.NAME) && s.online() == online).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("scope " + TestScope.NAME + " not listed with online=" + online + ": " + scopes);
            }
            Thread.sleep(100);
        }
    }
}
