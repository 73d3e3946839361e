package org.openspime.web.bulk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openspime.web.identity.Actor;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityService;
import org.openspime.web.identity.IssuedIdentity;

/**
 * Issues the identities of a CSV file with columns {@code kind,jid,description,password}. A first row
 * starting with {@code kind} is taken as the header. {@code password} is {@code yes} (the default) to
 * generate one or {@code no} for key-only.
 */
public final class CsvIdentityImport {

    private final IdentityService identities;
    private final int maxRows;

    public CsvIdentityImport(IdentityService identities, int maxRows) {
        this.identities = identities;
        this.maxRows = maxRows;
    }

    /**
     * Imports every row; a refused row is reported and the next one is tried.
     *
     * @throws IdentityRefused with INVALID, before anything is issued, when the file has more rows than
     *         allowed — better to refuse it whole than to stop half way through
     */
    public List<RowOutcome> run(Actor actor, String csv) {
        List<CsvReader.Record> records = rows(csv);
        List<RowOutcome> outcomes = new ArrayList<>(records.size());
        for (CsvReader.Record r : records) {
            outcomes.add(row(actor, r));
        }
        return outcomes;
    }

    /** The data rows of the file, header dropped, checked against the row limit before anything is issued. */
    List<CsvReader.Record> rows(String csv) {
        List<CsvReader.Record> records = new ArrayList<>(CsvReader.parse(stripBom(csv)));
        if (!records.isEmpty() && records.get(0).field(0).equalsIgnoreCase("kind")) {
            records.remove(0);
        }
        if (records.size() > maxRows) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID, "The file has " + records.size()
                    + " rows; at most " + maxRows + " can be imported at once. Split it and upload the parts.");
        }
        return records;
    }

    /** Issues one row; whatever goes wrong with it is its outcome, never an exception. */
    RowOutcome row(Actor actor, CsvReader.Record r) {
        String jid = r.field(1);
        Optional<IdentityKind> kind = IdentityKind.parse(r.field(0));
        if (kind.isEmpty()) {
            return refused(r, jid, "Unknown kind '" + r.field(0) + "'; use spime, scopenode or service.");
        }
        String wants = r.field(3).toLowerCase(java.util.Locale.ROOT);
        if (!wants.isEmpty() && !wants.equals("yes") && !wants.equals("no")) {
            return refused(r, jid, "The password column says '" + r.field(3) + "'; use yes or no.");
        }
        try {
            IssuedIdentity issued = identities.create(actor, kind.get(), jid, r.field(2), !wants.equals("no"));
            return new RowOutcome(r.line(), issued.identity().jid(), true, "", issued.password());
        } catch (IdentityRefused e) {
            return refused(r, jid, e.getMessage());
        }
    }

    /** The credentials of the issued rows as CSV, for the one-time download. */
    public static byte[] credentials(List<RowOutcome> outcomes) {
        StringBuilder out = new StringBuilder("jid,password\r\n");
        for (RowOutcome o : outcomes) {
            if (o.issued()) {
                out.append(quote(o.jid())).append(',').append(quote(o.password().orElse(""))).append("\r\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        // A leading =, +, - or @ would make a spreadsheet evaluate the cell; a quote prefix keeps it text.
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static RowOutcome refused(CsvReader.Record r, String jid, String why) {
        return new RowOutcome(r.line(), jid, false, why, Optional.empty());
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
