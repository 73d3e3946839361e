package org.openspime.system.spime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.client.cli.SpimeCommand;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.spime.Spime;
import org.openspime.client.talk.TalkMessage;
import org.openspime.gate.identity.OsidKind;
import picocli.CommandLine;

/** The {@code spime} CLI against a real gate, configured the way an operator would: a properties file. */
@Timeout(60)
class SpimeCliTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private static Run run(Path config, InputStream stdin, String... args) {
        InputStream before = System.in;
        System.setIn(stdin);
        try {
            CommandLine line = SpimeCommand.commandLine();
            StringWriter out = new StringWriter();
            line.setOut(new PrintWriter(out, true));
            line.setErr(new PrintWriter(out, true));
            String[] full = new String[args.length + 1];
            full[0] = args[0];
            full[1] = "--config=" + config;
            System.arraycopy(args, 1, full, 2, args.length - 1);
            return new Run(line.execute(full), out.toString());
        } finally {
            System.setIn(before);
        }
    }

    private static Run run(Path config, String... args) {
        return run(config, new ByteArrayInputStream(new byte[0]), args);
    }

    @Test
    void keygenPublishSendAndTalkFromAPropertiesFile() throws Exception {
        try (SpimeNetwork network = new SpimeNetwork(dir)) {
            ScopeNodePeer scopeNode = network.scopeNode("co2node@gate.test/co2", Readings.SCOPE);
            Spime listener = network.spime("operator@gate.test/console");
            BlockingQueue<TalkMessage> heard = new LinkedBlockingQueue<>();
            listener.talk().addListener(heard::add);
            network.gate.register(OsidKind.SPIME, "cli@gate.test/spime");
            Path anchor = Files.writeString(dir.resolve("certification.pem"), "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(network.gate.gate().certification().key().publicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            Path config = Files.writeString(dir.resolve("spime.properties"), String.join("\n",
                    "osid = cli@gate.test/spime",
                    "password = " + org.openspime.gate.testing.TestGate.PASSWORD,
                    "gate.host = 127.0.0.1",
                    "gate.port = " + network.gate.port(),
                    "gate.cert-pin = " + network.gate.gate().certificate().sha256Fingerprint(),
                    "keystore.path = " + dir.resolve("cli.p12"),
                    "keystore.password = store-secret",
                    "outbox.dir = " + dir.resolve("cli-outbox"),
                    "scopenode = co2node@gate.test/co2",
                    "scope = " + Readings.SCOPE,
                    "certification.key = " + anchor), StandardCharsets.UTF_8);

            assertThat(run(config, "keygen", "--bits=2048").out()).startsWith("generated RSA-2048 key ");
            Run published = run(config, "publish-key");
            assertThat(published.exit()).as(published.out()).isZero();
            assertThat(published.out()).startsWith("published ");

            Run one = run(config, "send", "--value", "co2=415:ppm", "--value", "temperature=21.5:Cel", "--location", "45.4642,9.19");
            assertThat(one.exit()).as(one.out()).isZero();
            assertThat(one.out()).matches("(?s)acked [0-9a-f]{32} readings=1\\s*");

            String lines = "{\"values\":{\"co2\":{\"value\":416,\"unit\":\"ppm\"}}}\n{\"values\":{\"co2\":{\"value\":417,\"unit\":\"ppm\"}}}\n";
            Run batch = run(config, new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "send");
            assertThat(batch.out()).matches("(?s)acked [0-9a-f]{32} readings=2\\s*");

            Run badLine = run(config, new ByteArrayInputStream("{\"values\":{}}\n".getBytes(StandardCharsets.UTF_8)), "send");
            assertThat(badLine.exit()).isEqualTo(1);
            assertThat(badLine.out()).contains("line 1: \"values\" must be an object");

            scopeNode.then(ReportCondition.INCONSISTENT_DATA_WITH_SCOPE);
            Run refused = run(config, "send", "--value", "co2=99999:ppm");
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.out()).startsWith("refused ").contains("inconsistent-data-with-scope");

            Run talk = run(config, "talk", "--encrypt", "operator@gate.test/console", "hello from the CLI");
            assertThat(talk.exit()).as(talk.out()).isZero();
            TalkMessage m = heard.poll(10, TimeUnit.SECONDS);
            assertThat(m).isNotNull();
            assertThat(m.text()).isEqualTo("hello from the CLI");
            assertThat(m.encrypted()).isTrue();
        }
    }
}
