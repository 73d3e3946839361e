package org.openspime.gate.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.openspime.gate.SpimeGate;
import org.openspime.gate.cli.AdminCommand;
import org.openspime.gate.testing.StorageFixture;
import org.openspime.web.ConsoleSettings;
import org.openspime.web.audit.AuditQuery;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The console's first operator: its password is printed on the first start only, and {@code openspime admin
 * operator-password} sets it (or another operator's) through the same operator accounts the console signs in with.
 */
class FirstAdminTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void firstStartPrintsTheAdminPasswordOnceAndTheCliReplacesIt(StorageFixture.Engine engine) throws Exception {
        try (StorageFixture db = StorageFixture.create(engine, dir)) {
            List<String> firstStart = startAndStop(db);
            assertThat(firstStart).hasSize(1);
            String printed = firstStart.get(0);
            assertThat(signIn(db, "admin", printed)).isTrue();
            assertThat(startAndStop(db)).as("a restart prints nothing").isEmpty();

            Path file = dir.resolve("admin-password");
            Files.writeString(file, "a much longer passphrase\n");
            StringWriter out = new StringWriter();
            int code = admin(out, db, "operator-password", "admin", "--password-file", file.toString());
            assertThat(code).isZero();
            assertThat(out.toString()).contains("password set for operator admin").doesNotContain("password:");
            assertThat(signIn(db, "admin", printed)).isFalse();
            assertThat(signIn(db, "admin", "a much longer passphrase")).isTrue();

            StringWriter generated = new StringWriter();
            assertThat(admin(generated, db, "operator-password", "carol")).isZero();
            String carolPassword = generated.toString().lines().filter(l -> l.startsWith("password: "))
                    .map(l -> l.substring("password: ".length())).findFirst().orElseThrow();
            assertThat(generated.toString()).contains("created operator carol");
            assertThat(signIn(db, "carol", carolPassword)).isTrue();

            StringWriter refused = new StringWriter();
            Files.writeString(file, "short\n");
            assertThat(admin(refused, db, "operator-password", "admin", "--password-file", file.toString())).isEqualTo(1);

            try (var storage = org.openspime.gate.storage.GateStorage.open(db.config())) {
                assertThat(new JdbcAuditLog(storage.database().dataSource()).query(
                        new AuditQuery("", "operator.password", "", java.util.Optional.empty(), java.util.Optional.empty(),
                                0, 10)).entries()).extracting(e -> e.target() + " via " + e.via())
                        .containsExactly("carol via cli", "admin via cli");
            }
        }
    }

    private static List<String> startAndStop(StorageFixture db) throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(GateConsole.class);
        ListAppender<ILoggingEvent> printed = new ListAppender<>();
        printed.start();
        log.addAppender(printed);
        try (SpimeGate gate = SpimeGate.start(db.config(), ConsoleSettings.defaults().withPasswordIterations(1_000))) {
            assertThat(gate.httpPort()).isPositive();
        } finally {
            log.detachAppender(printed);
        }
        return printed.list.stream().filter(e -> e.getFormattedMessage().contains("first start"))
                .map(e -> String.valueOf(e.getArgumentArray()[0])).toList();
    }

    private static boolean signIn(StorageFixture db, String name, String password) {
        try (var storage = org.openspime.gate.storage.GateStorage.open(db.config())) {
            return GateConsole.operators(storage, ConsoleSettings.defaults()).authenticate(name, password).isPresent();
        }
    }

    private static int admin(StringWriter out, StorageFixture db, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(Arrays.asList(db.adminOptions()));
        CommandLine cl = AdminCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        return cl.execute(all.toArray(String[]::new));
    }
}
