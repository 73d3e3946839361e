package org.openspime.client.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openspime.certification.Jid;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.element.Location;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.Value;
import org.openspime.client.reporting.Batches;
import org.openspime.client.reporting.ReportRejectedException;
import org.openspime.client.spime.Spime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Report readings to a ScopeNode: one reading from --value options, or JSON lines on standard input",
                "(one reading per line; see docs/spime-client.md). Exit 0 when every report is acknowledged,",
                "2 when one was refused, 3 when some are still pending at the end of --timeout (they stay in the outbox)."})
final class SendCommand extends SpimeSubcommand {

    @Mixin
    CommonOptions common;

    @Option(names = "--scopenode", paramLabel = "SNID", description = "the ScopeNode (default: setting 'scopenode')")
    String scopenode;

    @Option(names = "--scope", paramLabel = "NAME", description = "the scope (default: setting 'scope')")
    String scope;

    @Option(names = "--value", paramLabel = "NAME=VALUE[:UNIT]", description = "a value of the reading, e.g. co2=415:ppm (repeat)")
    List<String> values = new ArrayList<>();

    @Option(names = "--time", paramLabel = "TIME", description = "when the reading was taken (default: now)")
    String time;

    @Option(names = "--location", paramLabel = "LAT,LON[,ELEV]", description = "where, in decimal degrees (and metres)")
    String location;

    @Option(names = "--plain", description = "do not encrypt (only for scopes that accept plain reports)")
    boolean plain;

    @Option(names = "--no-wait", description = "queue the reports in the outbox and return; they leave at the next start")
    boolean noWait;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", description = "how long to wait for acknowledgments (default ${DEFAULT-VALUE})")
    long timeout;

    @Override
    int run() throws Exception {
        CliSettings settings = common.settings();
        List<Reading> readings = values.isEmpty()
                ? ReadingLines.read(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), Clock.systemUTC())
                : List.of(optionReading());
        if (readings.isEmpty()) {
            throw new ReadingFormatException("no reading: give --value options or JSON lines on standard input");
        }
        Jid snid = Jid.of(scopenode != null ? scopenode : settings.require("scopenode"));
        String scopeName = scope != null ? scope : settings.require("scope");
        PrintWriter out = spec.commandLine().getOut();
        try (Spime spime = Spime.start(CliSpime.config(settings))) {
            Map<ReportId, CompletableFuture<ReportAck>> outcomes = new LinkedHashMap<>();
            for (Report report : Batches.of(spime.osid(), scopeName, readings, ReportLimits.fittingStanzasOf(ReportLimits.GATE_DEFAULT_STANZA_BYTES), spime.reporter()::newId)) {
                outcomes.put(report.id(), plain ? spime.reporter().reportPlain(snid, report) : spime.reporter().report(snid, report));
            }
            if (noWait) {
                outcomes.keySet().forEach(id -> out.println("queued " + id));
                return 0;
            }
            return await(outcomes, out);
        }
    }

    private int await(Map<ReportId, CompletableFuture<ReportAck>> outcomes, PrintWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        int exit = 0;
        for (Map.Entry<ReportId, CompletableFuture<ReportAck>> e : outcomes.entrySet()) {
            try {
                ReportAck ack = e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                out.println("acked " + ack.id() + " readings=" + ack.readings() + (ack.duplicate() ? " duplicate" : ""));
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof ReportRejectedException r) {
                    out.println("refused " + r.id() + " " + r.condition().element() + r.text().map(t -> ": " + t).orElse(""));
                } else {
                    out.println("failed " + e.getKey() + ": " + failed.getCause().getMessage());
                }
                exit = SpimeCommand.REFUSED;
            } catch (TimeoutException pending) {
                out.println("pending " + e.getKey() + " (kept in the outbox)");
                exit = Math.max(exit, SpimeCommand.PENDING);
            }
        }
        return exit;
    }

    private Reading optionReading() throws ReadingFormatException {
        List<Value> list = new ArrayList<>();
        for (String v : values) {
            list.add(ValueText.option(v));
        }
        Instant at;
        try {
            at = time == null ? Instant.now() : OffsetDateTime.parse(time).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new ReadingFormatException("--time '" + time + "' is not a date-time such as 2025-03-01T12:00:00Z");
        }
        try {
            return new Reading(at, location == null ? Optional.empty() : Optional.of(location(location)), list);
        } catch (IllegalArgumentException e) {
            throw new ReadingFormatException(e.getMessage());
        }
    }

    static Location location(String text) throws ReadingFormatException {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2 || parts.length == 3) {
                return new Location(new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip()),
                        parts.length == 3 ? Optional.of(new BigDecimal(parts[2].strip())) : Optional.empty());
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        } catch (IllegalArgumentException e) {
            throw new ReadingFormatException("--location '" + text + "': " + e.getMessage());
        }
        throw new ReadingFormatException("--location '" + text + "': expected LAT,LON[,ELEV] in decimal degrees (and metres)");
    }
}
