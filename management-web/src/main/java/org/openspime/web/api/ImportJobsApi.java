package org.openspime.web.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openspime.web.bulk.ImportBusy;
import org.openspime.web.bulk.ImportJob;
import org.openspime.web.bulk.ImportJobs;
import org.openspime.web.identity.IdentityRefused;

/**
 * Bulk import as a background job: {@code POST /api/import-jobs} with a CSV body answers 202 and the job's URL;
 * {@code GET /api/import-jobs/<id>} its progress, and once it is done the per-row report; {@code GET
 * /api/import-jobs/<id>/credentials} the generated passwords as CSV, once (410 afterwards).
 */
public final class ImportJobsApi extends HttpServlet {

    static final String BASE = "/api/import-jobs/";

    private final ImportJobs jobs;
    private final long maxUploadBytes;

    public ImportJobsApi(ImportJobs jobs, long maxUploadBytes) {
        this.jobs = jobs;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() != null && !"/".equals(req.getPathInfo())) {
            ApiResponses.error(resp, 404, "no_such_action", "POST a CSV body to /api/import-jobs.");
            return;
        }
        byte[] bytes = req.getInputStream().readNBytes((int) maxUploadBytes + 1);
        if (bytes.length > maxUploadBytes) {
            ApiResponses.error(resp, 413, "too_large", "The CSV is larger than " + maxUploadBytes / 1024
                    + " KiB; split it and send the parts.");
            return;
        }
        try {
            ImportJob job = jobs.start(ApiGuard.actor(req), new String(bytes, StandardCharsets.UTF_8));
            resp.setHeader("Location", BASE + job.id());
            ApiResponses.ok(resp, 202, status(job));
        } catch (IdentityRefused e) {
            ApiResponses.refused(resp, e);
        } catch (ImportBusy e) {
            ApiResponses.error(resp, 409, "busy", e.getMessage());
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        boolean credentials = path.endsWith("/credentials");
        String id = credentials ? path.substring(0, path.length() - "/credentials".length()) : path;
        Optional<ImportJob> job = jobs.find(ApiGuard.actor(req).operator(), id);
        if (job.isEmpty()) {
            ApiResponses.error(resp, 404, "not_found", "No import job '" + id + "' of yours; finished jobs are "
                    + "forgotten after 30 minutes.");
            return;
        }
        if (!credentials) {
            ApiResponses.ok(resp, 200, status(job.get()));
            return;
        }
        if (job.get().state() == ImportJob.State.RUNNING) {
            ApiResponses.error(resp, 409, "running", "The job is still running; its credentials come when it is done.");
            return;
        }
        Optional<byte[]> csv = job.get().takeCredentials();
        if (csv.isEmpty()) {
            ApiResponses.error(resp, 410, "gone", "The credentials of this job were already downloaded, or none "
                    + "were generated; they are not kept.");
            return;
        }
        resp.setContentType("text/csv; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        try {
            resp.getOutputStream().write(csv.get());
        } finally {
            java.util.Arrays.fill(csv.get(), (byte) 0);
        }
    }

    private static Map<String, Object> status(ImportJob job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("url", BASE + job.id());
        m.put("state", job.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("total", job.total());
        m.put("done", job.done());
        m.put("issued", job.issued());
        m.put("refused", job.refused());
        m.put("started", job.started().toString());
        job.ended().ifPresent(e -> m.put("ended", e.toString()));
        if (job.state() == ImportJob.State.FAILED) {
            m.put("failure", job.failure());
        }
        if (job.state() != ImportJob.State.RUNNING) {
            // passwords are not repeated here: they come once, from the credentials URL
            m.put("rows", job.outcomes().stream().map(Views::rowWithoutPassword).toList());
            m.put("credentials", job.credentialsWaiting() ? BASE + job.id() + "/credentials" : null);
        }
        return m;
    }
}
