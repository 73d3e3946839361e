package org.openspime.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.sql.Database;
import org.openspime.sql.Schema;
import picocli.CommandLine;

/**
 * {@code openspime demo} from a clean data directory: everything starts, the banner says where to look, the
 * simulated spimes' readings are acknowledged, and every reading acknowledged is in the ScopeNode's database once.
 */
class DemoCommandTest {

    @Test
    @Timeout(180)
    void demoRunsTheWholeDataPathAndStopsByItself(@TempDir Path dir) throws Exception {
        String out = run(dir, "--spimes", "2", "--every", "1", "--stop-after", "8", "--free-ports");

        assertThat(out).contains("OpenSpime demo is running", "sign in as admin with password",
                "Authorization: Bearer", "classroom-1@localhost/sensor", "classroom-2@localhost/sensor", "-> stored (report ");
        Matcher summary = Pattern.compile("(\\d+) readings acknowledged as stored").matcher(out);
        assertThat(summary.find()).as(out).isTrue();
        long acknowledged = Long.parseLong(summary.group(1));
        assertThat(acknowledged).isPositive();
        try (Database db = Database.open(null, null, null, dir.resolve("scopenode"), Schema.SCOPENODE, 1);
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*), count(DISTINCT report_id) FROM readings")) {
            rs.next();
            assertThat(rs.getLong(1)).as("readings stored").isGreaterThanOrEqualTo(acknowledged);
            assertThat(rs.getLong(2)).as("one reading per report, each stored once").isEqualTo(rs.getLong(1));
        }
    }

    @Test
    @Timeout(180)
    void aSecondRunOnTheSameDataDirectoryReusesItsIdentitiesAndKeys(@TempDir Path dir) throws Exception {
        run(dir, "--spimes", "1", "--every", "1", "--stop-after", "3", "--free-ports");
        String again = run(dir, "--spimes", "1", "--every", "1", "--stop-after", "4", "--free-ports");
        assertThat(again).contains("-> stored (report ");
    }

    @Test
    void badOptionsAreRefusedWithAClearMessage(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new DemoCommand());
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = cli.execute("--data-dir", dir.toString(), "--spimes", "0");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--spimes must be 1-50");
    }

    private static String run(Path dir, String... options) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] args = new String[options.length + 2];
            args[0] = "--data-dir";
            args[1] = dir.toString();
            System.arraycopy(options, 0, args, 2, options.length);
            int code = new CommandLine(new DemoCommand()).execute(args);
            assertThat(code).as(captured.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
