package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import org.openspime.web.bulk.CsvIdentityImport;
import org.openspime.web.bulk.RowOutcome;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.operator.Secrets;

/**
 * {@code /console/bulk}: upload a CSV of identities and get a per-row report. The generated credentials can
 * be downloaded once from {@code /console/bulk/credentials}; after that only their hashes exist.
 */
final class BulkPage extends ConsolePage {

    BulkPage(ConsoleServices services) {
        super(services);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("/credentials".equals(req.getPathInfo())) {
            download(req, resp);
            return;
        }
        form(req, resp, 200, Html.empty());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        Part file = req.getPart("file");
        if (file == null || file.getSize() == 0) {
            form(req, resp, 400, error("Choose a CSV file to upload."));
            return;
        }
        String csv;
        try (InputStream in = file.getInputStream()) {
            csv = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readNBytes((int) services.maxUploadBytes()))).toString();
        } catch (CharacterCodingException e) {
            form(req, resp, 400, error("The file is not UTF-8 text. Save the CSV as UTF-8 and upload it again."));
            return;
        }
        List<RowOutcome> outcomes;
        try {
            outcomes = new CsvIdentityImport(services.identities(), services.maxUploadRows()).run(actor(req), csv);
        } catch (IdentityRefused e) {
            form(req, resp, 400, error(e.getMessage()));
            return;
        }
        long issued = outcomes.stream().filter(RowOutcome::issued).count();
        String batch = Secrets.random(9);
        Html download = Html.empty();
        if (issued > 0) {
            session(req).offerDownload(batch, CsvIdentityImport.credentials(outcomes));
            download = html("<a class=\"button primary\" href=\"/console/bulk/credentials?batch={}\">"
                    + "Download credentials (once)</a>", batch);
        }
        Html rows = Html.each(outcomes, o -> html("""
                <tr class="{}"><td data-label="Line">{}</td><td data-label="JID" class="jid">{}</td>
                <td data-label="Outcome">{}</td><td data-label="Password">{}</td></tr>
                """, o.issued() ? "ok" : "bad", o.line(), o.jid(),
                o.issued() ? html("<span class=\"badge state-active\">Issued</span>") : html("<span class=\"badge state-disabled\">Refused</span> {}", o.message()),
                o.password().map(p -> html("<code>{}</code>", p)).orElse(Html.empty())));
        show(req, resp, 200, "Bulk import report", "/console/bulk", html("""
                <div class="card"><p class="summary">{} of {} rows issued, {} refused.</p>
                <p class="actions">{}<a class="button" href="/console/bulk">Import another file</a></p></div>
                <div class="table-wrap"><table class="list report">
                <thead><tr><th>Line</th><th>JID</th><th>Outcome</th><th>Password</th></tr></thead>
                <tbody>{}</tbody></table></div>
                """, issued, outcomes.size(), outcomes.size() - issued, download, rows));
    }

    private void download(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var content = session(req).takeDownload(param(req, "batch"));
        if (content.isEmpty()) {
            show(req, resp, 410, "Already downloaded", "/console/bulk", error(
                    "These credentials were already downloaded or belong to another session; they are not kept. "
                            + "Reset the passwords of the identities that need new ones."));
            return;
        }
        resp.setContentType("text/csv; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Disposition", "attachment; filename=\"openspime-credentials.csv\"");
        resp.getOutputStream().write(content.get());
    }

    private void form(HttpServletRequest req, HttpServletResponse resp, int status, Html message) throws IOException {
        show(req, resp, status, "Bulk import", "/console/bulk", html("""
                {}
                <form method="post" action="/console/bulk" enctype="multipart/form-data" class="card stack">
                  {}
                  <p>Upload a UTF-8 CSV file with the columns <code>kind,jid,description,password</code>:
                  kind is <code>spime</code>, <code>scopenode</code> or <code>service</code>; password is
                  <code>yes</code> (generate one, the default) or <code>no</code> (key-only). At most {} KiB and
                  {} rows per file. Rows that cannot be issued are reported; the others are issued.</p>
                  <pre class="sample">kind,jid,description,password
                spime,4A6B-5638@gate.example/spime,CO2 sensor roof,yes
                scopenode,co2node@gate.example/co2,CO2 monitoring,no</pre>
                  <label>CSV file <input type="file" name="file" accept=".csv,text/csv" required></label>
                  <div class="actions"><button type="submit" class="button primary">Upload and issue</button></div>
                </form>
                """, message, csrfField(req), services.maxUploadBytes() / 1024, services.maxUploadRows()));
    }
}
