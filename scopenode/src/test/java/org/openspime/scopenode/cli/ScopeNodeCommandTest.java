package org.openspime.scopenode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.scopenode.node.NodeSettings;
import picocli.CommandLine;

/** The CLI as an operator uses it: init, check-scope, authorize / authorized / revoke, and setting precedence. */
class ScopeNodeCommandTest {

    @TempDir
    Path dir;

    @Test
    void initWritesAConfigAScopeAndAKeyAndTheManagementCommandsWorkFromIt() throws Exception {
        Path config = dir.resolve("scopenode.properties");
        Result init = run("init", "--config", config.toString(), "--snid", "node@gate.example/co2",
                "--key-size", "2048", "--data-dir", "data");
        assertThat(init.status).as(init.out).isZero();
        assertThat(init.out).contains("query token:").contains("openspime admin create scopenode node@gate.example/co2");
        Properties props = new Properties();
        props.load(Files.newBufferedReader(config));
        assertThat(props.getProperty("query-token")).hasSizeGreaterThanOrEqualTo(16);
        assertThat(Files.exists(dir.resolve("data/keys/scopenode.p12"))).isTrue();
        assertThat(run("init", "--config", config.toString()).status).as("no overwrite without --force").isEqualTo(1);

        Result check = run("check-scope", dir.resolve("scope.conf").toString());
        assertThat(check.status).as(check.out).isZero();
        assertThat(check.out).contains("co2-monitoring").contains("co2").contains("ppm");

        assertThat(run("authorize", "--config", config.toString(), "*@gate.example/*", "a@gate.example/x").status)
                .isZero();
        Result list = run("authorized", "--config", config.toString());
        assertThat(list.out).contains("*@gate.example/*").contains("a@gate.example/x");
        assertThat(run("revoke", "--config", config.toString(), "a@gate.example/x").status).isZero();
        assertThat(run("revoke", "--config", config.toString(), "a@gate.example/x").status).isEqualTo(1);
        assertThat(run("authorized", "--config", config.toString()).out).doesNotContain("a@gate.example/x");

        Result rotate = run("rotate-key", "--config", config.toString());
        assertThat(rotate.status).as(rotate.out).isZero();
        assertThat(rotate.out).contains("previous key:");
        Result status = run("status", "--config", config.toString(), "--http-port", "1");
        assertThat(status.out).contains("readings:        0").contains("previous key:").contains("not answering");
    }

    @Test
    void aBrokenScopeFileIsReportedLineByLine() throws Exception {
        Path scope = dir.resolve("bad.scope");
        Files.writeString(scope, "name = x\nvisibility = secret\nfield.co2.type = float\n");
        Result check = run("check-scope", scope.toString());
        assertThat(check.status).isEqualTo(1);
        assertThat(check.out).contains("line 2").contains("line 3");
    }

    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
        Path config = dir.resolve("node.properties");
        Files.writeString(config, "snid=node@gate.example/co2\npassword=from-file\ngate-port=5222\n"
                + "gate-cert=" + "AB:".repeat(31) + "AB\nquery-token=token-from-the-file-0123\nscope=my.scope\n");
        NodeOptions options = new NodeOptions();
        new CommandLine(options).parseArgs("--config", config.toString(), "--gate-port", "6222");
        options.useEnvironment(Map.of("OPENSPIME_PASSWORD", "from-env", "OPENSPIME_GATE_PORT", "7222",
                "OPENSPIME_HTTP_PORT", "9090"));
        NodeSettings s = options.resolve();
        assertThat(s.password()).isEqualTo("from-env");
        assertThat(s.gatePort()).isEqualTo(6222);
        assertThat(s.httpPort()).isEqualTo(9090);
        assertThat(s.gateHost()).as("defaults to the SNID's domain").isEqualTo("gate.example");
        assertThat(s.scopeFile()).as("relative to the config file").isEqualTo(dir.resolve("my.scope"));
        assertThat(s.httpBind()).isEqualTo("127.0.0.1");
    }

    @Test
    void otherGatesCertificationKeysAreTrustedFromPemFilesAndABadEntryIsNamed() throws Exception {
        java.security.KeyPair a = org.openspime.certification.keys.RsaKeys.generate(2048);
        Path pem = Files.writeString(dir.resolve("a-certification.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(a.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        Path config = dir.resolve("trusting.properties");
        Files.writeString(config, "snid=node@b.example/co2\npassword=p\nquery-token=token-from-the-file-0123\n"
                + "trust-gate=certification.a.example=" + pem + "\n");
        NodeOptions options = new NodeOptions();
        new CommandLine(options).parseArgs("--config", config.toString());
        NodeSettings s = options.resolve();
        assertThat(s.trustedGates()).containsOnlyKeys("certification.a.example");
        assertThat(s.trustedGates().get("certification.a.example")).containsExactly(a.getPublic());

        NodeOptions wrong = new NodeOptions();
        new CommandLine(wrong).parseArgs("--config", config.toString(), "--trust-gate", "alice@a.example=" + pem);
        org.assertj.core.api.Assertions.assertThatThrownBy(wrong::resolve)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a certification service");
    }

    private record Result(int status, String out) {
    }

    private static Result run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int status = new CommandLine(new ScopeNodeCommand()).execute(args);
            return new Result(status, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }
}
