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
import org.openspime.web.bulk.ImportBusy;
import org.openspime.web.bulk.ImportJob;
import org.openspime.web.identity.IdentityRefused;

/**
 * {@code /console/bulk}: upload a CSV of identities; it is imported by a background job
 * ({@link org.openspime.web.bulk.ImportJobs}). A small file's report comes back at once; a large one's upload
 * answers with {@code /console/bulk/job?id=...}, which shows progress until the per-row report is ready. The
 * generated credentials can be downloaded once from {@code /console/bulk/credentials?batch=<job id>}; after
 * that only their hashes exist.
 */
final class BulkPage extends ConsolePage {

    /** Files up to this many rows get their report in the upload's response; bigger ones a progress page. */
    static final int INLINE_ROWS = 200;
    private static final long INLINE_WAIT_MILLIS = 20_000;

    BulkPage(ConsoleServices services) {
        super(services);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("/credentials".equals(req.getPathInfo())) {
            download(req, resp);
            return;
        }
        if ("/job".equals(req.getPathInfo())) {
            job(req, resp);
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
        ImportJob job;
        try {
            job = services.imports().start(actor(req), csv);
        } catch (IdentityRefused | ImportBusy e) {
            form(req, resp, e instanceof ImportBusy ? 409 : 400, error(e.getMessage()));
            return;
        }
        try {
            // A small file is done in a moment: show its report at once, as if it had run in this request.
            if (job.total() <= INLINE_ROWS && job.await(INLINE_WAIT_MILLIS)) {
                show(req, resp, 200, "Bulk import report", "/console/bulk", BulkReport.report(job, true));
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        seeOther(resp, "/console/bulk/job?id=" + job.id());
    }

    private void job(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var job = services.imports().find(session(req).operator(), param(req, "id"));
        if (job.isEmpty()) {
            show(req, resp, 404, "No such import", "/console/bulk", error(
                    "There is no import with that id of yours; finished imports are forgotten after 30 minutes."));
            return;
        }
        if (job.get().state() == ImportJob.State.RUNNING) {
            resp.setHeader("Refresh", "1");
            show(req, resp, 200, "Bulk import running", "/console/bulk", BulkReport.progress(job.get()));
            return;
        }
        show(req, resp, 200, "Bulk import report", "/console/bulk", BulkReport.report(job.get(), false));
    }

    private void download(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var content = services.imports().find(session(req).operator(), param(req, "batch"))
                .flatMap(ImportJob::takeCredentials);
        if (content.isEmpty()) {
            show(req, resp, 410, "Already downloaded", "/console/bulk", error(
                    "These credentials were already downloaded, have expired, or belong to another operator; they are not kept. "
                            + "Reset the passwords of the identities that need new ones."));
            return;
        }
        resp.setContentType("text/csv; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Disposition", "attachment; filename=\"openspime-credentials.csv\"");
        try {
            resp.getOutputStream().write(content.get());
        } finally {
            java.util.Arrays.fill(content.get(), (byte) 0);
        }
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
