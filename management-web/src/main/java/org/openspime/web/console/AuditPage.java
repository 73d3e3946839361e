package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openspime.web.audit.AuditListing;
import org.openspime.web.audit.AuditQuery;

/** {@code /console/audit}: the audit trail, newest first, filtered by operator, action prefix and target. */
final class AuditPage extends ConsolePage {

    AuditPage(ConsoleServices services) {
        super(services);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int page = Math.max(1, intParam(req, "page", 1));
        AuditListing listing = services.audit().query(new AuditQuery(param(req, "who"), param(req, "action"),
                param(req, "target"), Optional.empty(), Optional.empty(), (page - 1) * PAGE_SIZE, PAGE_SIZE));
        Html rows = listing.entries().isEmpty()
                ? html("<tr><td colspan=\"6\" class=\"empty\">No entry matches.</td></tr>")
                : Html.each(listing.entries(), e -> html("""
                        <tr><td data-label="When" class="nowrap">{}</td><td data-label="Operator">{}</td><td data-label="Action"><code>{}</code></td>
                        <td data-label="Target" class="jid">{}</td><td data-label="Detail">{}</td><td data-label="From">{} · {}</td></tr>
                        """, Display.when(e.when()), e.who(), e.action(), e.target(), e.detail(), e.from(), e.via()));
        String base = "/console/audit?who=" + Display.url(param(req, "who")) + "&action=" + Display.url(param(req, "action"))
                + "&target=" + Display.url(param(req, "target")) + "&page=";
        long pages = Math.max(1, (listing.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        Html pager = html("<nav class=\"pager\" aria-label=\"Pages\">{}<span>Page {} of {}</span>{}</nav>",
                page > 1 ? html("<a class=\"button\" href=\"{}\">← Newer</a>", base + (page - 1)) : Html.empty(),
                page, pages,
                page < pages ? html("<a class=\"button\" href=\"{}\">Older →</a>", base + (page + 1)) : Html.empty());
        show(req, resp, 200, "Audit log", "/console/audit", html("""
                <form method="get" action="/console/audit" class="filters" role="search">
                  <input name="who" value="{}" placeholder="Operator" aria-label="Operator">
                  <input name="action" value="{}" placeholder="Action, e.g. identity." aria-label="Action">
                  <input name="target" value="{}" placeholder="Target JID" aria-label="Target">
                  <button type="submit" class="button">Filter</button>
                </form>
                <div class="table-wrap"><table class="list">
                <thead><tr><th>When</th><th>Operator</th><th>Action</th><th>Target</th><th>Detail</th><th>From</th></tr></thead>
                <tbody>{}</tbody></table></div>
                {}
                """, param(req, "who"), param(req, "action"), param(req, "target"), rows, pager));
    }
}
