package org.openspime.scopenode.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.scopenode.node.NodeKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scopenode init}: writes a config file (owner-only: it holds the password and the query token), an example
 * scope file, generates the key pair and a query token, and prints what to do next. Refuses to overwrite an
 * existing config file without {@code --force}; never replaces an existing key pair.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a config file and an example scope file, generate the key pair and a query token.")
final class InitCommand implements Callable<Integer> {

    @Mixin
    NodeOptions options = new NodeOptions();

    @Option(names = "--force", description = "overwrite an existing config file")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Path config = options.config != null ? options.config : Path.of(NodeOptions.DEFAULT_CONFIG);
        if (Files.exists(config) && !force) {
            System.err.println(config + " exists; use --force to overwrite it (the key pair is kept either way)");
            return 1;
        }
        Path base = config.toAbsolutePath().getParent();
        Path dataDir = options.dataDir != null ? options.dataDir : Path.of(NodeOptions.DEFAULT_DATA_DIR);
        Path scope = options.scope != null ? options.scope : Path.of("scope.conf");
        Path scopeFile = base.resolve(scope);
        if (!Files.exists(scopeFile)) {
            Files.writeString(scopeFile, ExampleScope.TEXT, StandardCharsets.UTF_8);
        }
        int bits = options.keySize == null ? RsaKeys.DEFAULT_BITS : options.keySize;
        NodeKeys keys = NodeKeys.openOrCreate(base.resolve(dataDir), bits);
        String snid = options.snid != null ? options.snid : "co2node@gate.example/co2";
        String token = options.queryToken != null ? options.queryToken : newToken();
        StringBuilder text = new StringBuilder()
                .append("# ScopeNode settings; each may also be given as a flag or as OPENSPIME_<KEY> in the environment.\n")
                .append("snid=").append(snid).append('\n')
                .append("password=").append(options.password == null ? "" : options.password).append('\n')
                .append("gate-host=").append(options.gateHost == null ? "" : options.gateHost).append('\n')
                .append("gate-port=").append(options.gatePort == null ? 5222 : options.gatePort).append('\n')
                .append("# pin the gate's TLS certificate (openspime admin certificate prints it), or gate-ca=FILE\n")
                .append("gate-cert=").append(options.gateCert == null ? "" : options.gateCert).append('\n')
                .append("scope=").append(scope).append('\n')
                .append("data-dir=").append(dataDir).append('\n')
                .append("# db-url=jdbc:postgresql://localhost/scopenode?reWriteBatchedInserts=true (default: H2 in data-dir)\n")
                .append("# db-user=\n# db-password=\n")
                .append("http-bind=127.0.0.1\n")
                .append("http-port=").append(options.httpPort == null ? 8480 : options.httpPort).append('\n')
                .append("query-token=").append(token).append('\n')
                .append("retention-days=0\n")
                .append("key-size=").append(bits).append('\n');
        Files.writeString(config, text, StandardCharsets.UTF_8);
        if (Files.getFileStore(config.toAbsolutePath()).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        }
        System.out.printf("""
                wrote %s (settings, owner-only), scope file %s
                key pair: %s (%d bits) in %s
                query token: %s

                next:
                  1. edit %s: the scope's fields, units and ranges (check it: openspime scopenode check-scope %s)
                  2. on the gate: openspime admin create scopenode %s   (prints the password; put it in %s)
                     and set gate-host, gate-port and gate-cert (openspime admin certificate) in %s
                  3. authorize spimes: openspime scopenode authorize '*@gate.example/*'
                  4. run: openspime scopenode run
                  5. query: curl -H 'Authorization: Bearer %s' http://127.0.0.1:%d/api/readings
                """, config, scopeFile, keys.fingerprint(), bits, keys.file(), token, scopeFile, scopeFile, snid,
                config, config, token, options.httpPort == null ? 8480 : options.httpPort);
        return 0;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RsaKeys.strongRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
