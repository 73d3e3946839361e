package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityListing;
import org.openspime.web.identity.IdentityQuery;
import org.openspime.web.identity.IdentityState;

/** {@code /console/identities}: search, filter by kind and state, and page through the registry. */
final class IdentitiesPage extends ConsolePage {

    IdentitiesPage(ConsoleServices services) {
        super(services);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String q = param(req, "q");
        Optional<IdentityKind> kind = IdentityKind.parse(param(req, "kind"));
        Optional<IdentityState> state = IdentityState.parse(param(req, "state"));
        int page = Math.max(1, intParam(req, "page", 1));
        IdentityListing listing = services.identities().list(
                new IdentityQuery(kind, state, q, (page - 1) * PAGE_SIZE, PAGE_SIZE));
        Html rows = listing.identities().isEmpty()
                ? html("<tr><td colspan=\"5\" class=\"empty\">No identity matches.</td></tr>")
                : Html.each(listing.identities(), i -> html("""
                        <tr><td data-label="JID"><a href="{}" class="jid">{}</a></td><td data-label="Kind">{}</td>
                        <td data-label="State">{}</td><td data-label="Description" class="description">{}</td>
                        <td data-label="Created">{}</td></tr>
                        """, Display.identityLink(i.jid()), i.jid(), Display.kind(i.kind()), Display.state(i.state()),
                        i.description(), Display.when(i.created())));
        show(req, resp, 200, "Identities", "/console/identities", html("""
                <div class="toolbar">
                  <form method="get" action="/console/identities" class="filters" role="search">
                    <input type="search" name="q" value="{}" placeholder="Search JID or description" aria-label="Search">
                    <select name="kind" aria-label="Kind"><option value="">All kinds</option>{}</select>
                    <select name="state" aria-label="State"><option value="">Any state</option>{}</select>
                    <button type="submit" class="button">Filter</button>
                  </form>
                  <div class="actions">
                    <a class="button" href="/console/bulk">Bulk import</a>
                    <a class="button primary" href="/console/identities/new">New identity</a>
                  </div>
                </div>
                <div class="table-wrap"><table class="list">
                <thead><tr><th>JID</th><th>Kind</th><th>State</th><th>Description</th><th>Created</th></tr></thead>
                <tbody>{}</tbody></table></div>
                {}
                """, q, kindOptions(kind), stateOptions(state), rows, pager(req, page, listing.total())));
    }

    static Html kindOptions(Optional<IdentityKind> selected) {
        return Html.each(Arrays.asList(IdentityKind.values()), k -> html("<option value=\"{}\"{}>{}</option>",
                k.name(), selected.filter(k::equals).isPresent() ? html(" selected") : Html.empty(), k.label()));
    }

    private static Html stateOptions(Optional<IdentityState> selected) {
        return Html.each(Arrays.asList(IdentityState.values()), s -> html("<option value=\"{}\"{}>{}</option>",
                s.name(), selected.filter(s::equals).isPresent() ? html(" selected") : Html.empty(),
                s == IdentityState.ACTIVE ? "Active" : "Disabled"));
    }

    private static Html pager(HttpServletRequest req, int page, long total) {
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        long first = total == 0 ? 0 : (long) (page - 1) * PAGE_SIZE + 1;
        long last = Math.min(total, (long) page * PAGE_SIZE);
        String base = "/console/identities?q=" + Display.url(param(req, "q")) + "&kind=" + Display.url(param(req, "kind"))
                + "&state=" + Display.url(param(req, "state")) + "&page=";
        Html prev = page > 1 ? html("<a class=\"button\" rel=\"prev\" href=\"{}\">← Previous</a>", base + (page - 1))
                : html("<span class=\"button disabled\">← Previous</span>");
        Html next = page < pages ? html("<a class=\"button\" rel=\"next\" href=\"{}\">Next →</a>", base + (page + 1))
                : html("<span class=\"button disabled\">Next →</span>");
        return html("<nav class=\"pager\" aria-label=\"Pages\">{}<span>{}–{} of {}</span>{}</nav>",
                prev, String.format("%,d", first), String.format("%,d", last), String.format("%,d", total), next);
    }
}
