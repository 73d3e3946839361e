package org.openspime.scopenode.cli;

import java.security.KeyPair;
import java.util.concurrent.Callable;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.scopenode.node.NodeKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scopenode rotate-key}: a new key pair becomes current, the old one is kept as previous (transport keys
 * wrapped to it still open). A running ScopeNode notices within seconds, publishes the new key and encrypts to it;
 * one that is stopped publishes it at its next start.
 */
@Command(name = "rotate-key", mixinStandardHelpOptions = true,
        description = "Generate a new key pair; the running ScopeNode publishes it (the previous key stays usable).")
final class RotateKeyCommand implements Callable<Integer> {

    @Mixin
    NodeOptions options = new NodeOptions();

    @Override
    public Integer call() throws Exception {
        NodeKeys keys = NodeKeys.open(options.dataDir());
        Fingerprint old = keys.fingerprint();
        KeyPair next = keys.rotate(options.keyBits());
        System.out.printf("new key:      %s%nprevious key: %s (kept for reports already encrypted to it)%n",
                Fingerprint.of(next.getPublic()), old);
        return 0;
    }
}
