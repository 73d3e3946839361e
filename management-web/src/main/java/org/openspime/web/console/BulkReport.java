package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import java.util.Comparator;
import java.util.List;
import org.openspime.web.bulk.ImportJob;
import org.openspime.web.bulk.RowOutcome;

/** The two faces of a bulk import job on the console: progress while it runs, the per-row report after. */
final class BulkReport {

    private BulkReport() {
    }

    /** Refreshes itself every second (a meta refresh: works without script and under the CSP). */
    static Html progress(ImportJob job) {
        int percent = job.total() == 0 ? 100 : (int) (100L * job.done() / job.total());
        return html("""
                <div class="card stack job" data-job="{}">
                  <p class="summary" role="status">{} of {} rows done: {} issued, {} refused.</p>
                  <progress max="{}" value="{}" aria-label="Rows done">{} %</progress>
                  <p class="hint">This page refreshes by itself. You may leave it; the import goes on, and its report
                  stays here for 30 minutes.</p>
                </div>
                """, job.id(), job.done(), job.total(), job.issued(), job.refused(), job.total(), job.done(), percent);
    }

    /**
     * The per-row report. Passwords appear in it only while the credentials have not been downloaded, and only in
     * the response to the upload itself ({@code withPasswords}); the job page shows them nowhere, so reloading it
     * cannot show a password twice.
     */
    static Html report(ImportJob job, boolean withPasswords) {
        // Refused rows first: in a report of thousands of lines they are the ones the operator has to act on.
        List<RowOutcome> outcomes = job.outcomes().stream()
                .sorted(Comparator.comparing(RowOutcome::issued).thenComparingInt(RowOutcome::line)).toList();
        Html download = job.credentialsWaiting()
                ? html("<a class=\"button primary\" href=\"/console/bulk/credentials?batch={}\">"
                        + "Download credentials (once)</a>", job.id())
                : Html.empty();
        Html failed = job.state() == ImportJob.State.FAILED
                ? html("<div class=\"error\" role=\"alert\">The import stopped after {} rows: {}. The rows below were "
                        + "handled; upload the rest again.</div>", job.done(), job.failure())
                : Html.empty();
        Html rows = Html.each(outcomes, o -> html("""
                <tr class="{}"><td data-label="Line">{}</td><td data-label="JID" class="jid">{}</td>
                <td data-label="Outcome">{}</td><td data-label="Password">{}</td></tr>
                """, o.issued() ? "ok" : "bad", o.line(), o.jid(),
                o.issued() ? html("<span class=\"badge state-active\">Issued</span>")
                        : html("<span class=\"badge state-disabled\">Refused</span> {}", o.message()),
                o.password().filter(p -> withPasswords).map(p -> html("<code>{}</code>", p))
                        .orElse(o.password().isPresent() ? html("<small>in the download</small>") : Html.empty())));
        return html("""
                {}<div class="card"><p class="summary">{} of {} rows issued, {} refused.</p>
                <p class="actions">{}<a class="button" href="/console/bulk">Import another file</a></p></div>
                <div class="table-wrap"><table class="list report">
                <thead><tr><th>Line</th><th>JID</th><th>Outcome</th><th>Password</th></tr></thead>
                <tbody>{}</tbody></table></div>
                """, failed, job.issued(), job.total(), job.refused(), download, rows);
    }
}
