package org.openspime.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code --profile=true}: a JDK Flight Recorder recording ({@code settings=profile}: execution samples every
 * 10-20 ms) of each process over the measured phase only, started with {@code jcmd <pid> JFR.start}, written to
 * {@code benchmarks/target/bench-logs/<role>-<scenario>.jfr}. Read with {@code jfr print --events
 * jdk.ExecutionSample} or JDK Mission Control.
 */
final class FlightRecordings {
    private FlightRecordings() {
    }

    static void start(String scenario, int seconds, Map<String, Long> pids) throws Exception {
        for (Map.Entry<String, Long> p : pids.entrySet()) {
            Path file = Path.of("benchmarks", "target", "bench-logs", p.getKey() + "-" + scenario + ".jfr").toAbsolutePath();
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(p.getValue()), "JFR.start", "name=bench", "settings=profile",
                    "duration=" + seconds + "s", "filename=" + file).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes()).trim();
            jcmd.waitFor(30, TimeUnit.SECONDS);
            Bench.say("JFR of %s (pid %d) for %d s into %s: %s", p.getKey(), p.getValue(), seconds, file,
                    out.lines().reduce((a, b) -> b).orElse(""));
        }
    }
}
