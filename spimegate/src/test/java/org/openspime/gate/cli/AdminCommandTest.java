package org.openspime.gate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openspime.gate.testing.StorageFixture;
import picocli.CommandLine;

class AdminCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private static Result admin(StorageFixture gate, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(Arrays.asList(gate.adminOptions()));
        CommandLine cl = AdminCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void operatorManagesIdentitiesFromTheCommandLine(StorageFixture.Engine engine) throws Exception {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            Result created = admin(gate, "create", "spime", "4A6B-5638@gate.example/spime", "--description", "CO2");
            assertThat(created.code()).isZero();
            assertThat(created.out()).contains("created SpimeID 4a6b-5638@gate.example/spime")
                    .containsPattern("password: [A-Za-z0-9_-]{20}");

            Path pw = dir.resolve("pw.txt");
            Files.writeString(pw, "operator-chosen\n");
            Result withFile = admin(gate, "create", "scopenode", "co2node@gate.example/co2", "--password-file",
                    pw.toString());
            assertThat(withFile.code()).isZero();
            assertThat(withFile.out()).doesNotContain("password:");

            Result list = admin(gate, "list", "--kind", "spime");
            assertThat(list.out()).contains("4a6b-5638@gate.example/spime").doesNotContain("co2node")
                    .contains("(1 shown, 1-1 of 1)");
            assertThat(admin(gate, "show", "co2node@gate.example/co2").out()).contains("kind:        SCOPENODE (SNID)");
            assertThat(admin(gate, "disable", "co2node@gate.example/co2").code()).isZero();
            assertThat(admin(gate, "list", "--state", "disabled").out()).contains("co2node@gate.example/co2");
            assertThat(admin(gate, "enable", "co2node@gate.example/co2").code()).isZero();
            assertThat(admin(gate, "reset-password", "co2node@gate.example/co2").out())
                    .containsPattern("password: [A-Za-z0-9_-]{20}");
            assertThat(admin(gate, "delete", "co2node@gate.example/co2").code()).isZero();
            assertThat(admin(gate, "list").out()).doesNotContain("co2node");
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void refusalsPrintOneLineAndExitOne(StorageFixture.Engine engine) {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            Result bad = admin(gate, "create", "spime", "dev@gate.example");
            assertThat(bad.code()).isEqualTo(1);
            assertThat(bad.err().strip()).startsWith("error: a SpimeID must be a full JID").doesNotContain("\n")
                    .doesNotContain("Exception");
            Result missing = admin(gate, "show", "nobody@gate.example/x");
            assertThat(missing.code()).isEqualTo(1);
            assertThat(missing.err().strip()).isEqualTo("error: nobody@gate.example/x is not registered");
            assertThat(admin(gate, "create", "robot", "x@gate.example/y").err()).contains("unknown kind 'robot'");
            assertThat(admin(gate, "frobnicate").code()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void certificateIsGeneratedOnceAndPrinted(StorageFixture.Engine engine) {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            Result first = admin(gate, "certificate");
            assertThat(first.code()).isZero();
            assertThat(first.out()).containsPattern("SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}")
                    .contains("-----BEGIN CERTIFICATE-----");
            assertThat(admin(gate, "certificate").out()).isEqualTo(first.out());
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void certificationKeyIsPrintedAsThePemSpimesTrust(StorageFixture.Engine engine) throws Exception {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            Result first = admin(gate, "certification-key");
            assertThat(first.code()).isZero();
            assertThat(first.out()).contains("certification service: certification.")
                    .contains("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----");
            assertThat(admin(gate, "certification-key").out()).isEqualTo(first.out());
            String body = first.out().substring(first.out().indexOf("-----BEGIN PUBLIC KEY-----") + 26,
                    first.out().indexOf("-----END PUBLIC KEY-----")).replaceAll("\\s", "");
            java.security.PublicKey key = java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(body)));
            assertThat(first.out()).contains(org.openspime.certification.keys.Fingerprint.of(key).toString());
        }
    }
}
