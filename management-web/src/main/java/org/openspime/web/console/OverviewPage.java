package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openspime.web.audit.AuditQuery;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityQuery;
import org.openspime.web.status.GateSnapshot;

/**
 * {@code /console/}: the gate's live state. The page is complete without script; {@code console.js} then
 * polls {@code /console/status.json} and draws the small charts, so the numbers refresh in place.
 */
final class OverviewPage extends ConsolePage {

    private final ObjectMapper json = new ObjectMapper();

    OverviewPage(ConsoleServices services) {
        super(services);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if ("/status.json".equals(path)) {
            status(resp);
            return;
        }
        if (!"/".equals(path)) {
            show(req, resp, 404, "Not found", "", error("There is no console page at " + req.getRequestURI() + "."));
            return;
        }
        GateSnapshot s = services.status().snapshot();
        long identities = services.identities().list(IdentityQuery.firstPage(1)).total();
        Html kinds = Html.each(Arrays.asList(IdentityKind.values()), k -> html(
                "<li>{} <strong data-stat=\"connected.{}\">{}</strong></li>", Display.kind(k), k.name(),
                s.connected().getOrDefault(k, 0)));
        Html nodes = s.publicScopeNodes().isEmpty()
                ? html("<li class=\"empty\">No ScopeNode has announced a public scope yet.</li>")
                : Html.each(s.publicScopeNodes(), n -> html("""
                        <li class="scope"><span class="presence {}" title="{}"></span><div><strong>{}</strong>
                        <span class="jid">{}</span>{}</div></li>""", n.online() ? "online" : "offline",
                        n.online() ? "online" : "offline", n.name(), n.snid(),
                        n.description().isEmpty() ? Html.empty() : html("<small>{}</small>", n.description())));
        Html recent = Html.each(services.audit().query(AuditQuery.latest(8)).entries(), e -> html(
                "<li><span class=\"when\">{}</span> <strong>{}</strong> <code>{}</code> <span class=\"jid\">{}</span></li>",
                Display.when(e.when()), e.who(), e.action(), e.target()));
        show(req, resp, 200, "Overview", "/console/", html("""
                <p class="subtitle">Gate <strong>{}</strong> · updated <span data-stat="at">{}</span></p>
                <section class="stats">
                  <div class="stat"><h2>Connected</h2><p class="big" data-stat="connectedTotal">{}</p>
                    <ul class="kinds">{}</ul></div>
                  <div class="stat"><h2>Stanzas / s</h2><p class="big" data-stat="stanzasPerSecond">{}</p>
                    <svg class="spark" data-spark="stanzasPerSecond" viewBox="0 0 120 32" aria-hidden="true"></svg></div>
                  <div class="stat"><h2>Errors / min</h2><p class="big" data-stat="errorsLastMinute">{}</p>
                    <svg class="spark" data-spark="errorsLastMinute" viewBox="0 0 120 32" aria-hidden="true"></svg></div>
                  <div class="stat"><h2>Identities</h2><p class="big">{}</p></div>
                  <div class="stat certification"><h2>Certification</h2><p class="big" data-stat="keysPublished">{}</p>
                    <p>keys attested</p>
                    <p class="counts"><span><strong data-stat="queriesAnswered">{}</strong> queries</span>
                    <span><strong data-stat="revocations">{}</strong> revoked</span></p></div>
                </section>
                <section class="columns">
                  <div class="card"><h2>Public ScopeNodes</h2><ul class="plain-list scopes">{}</ul></div>
                  <div class="card"><h2>Recent activity</h2><ul class="plain-list activity">{}</ul>
                    <p><a href="/console/audit">Full audit log →</a></p></div>
                </section>
                """, s.domain(), Display.when(s.at()), s.connectedTotal(), kinds,
                String.format("%.1f", s.stanzasPerSecond()), s.errorsLastMinute(), String.format("%,d", identities),
                s.certification().keysPublished(), s.certification().queriesAnswered(), s.certification().revocations(),
                nodes, recent));
    }

    private void status(HttpServletResponse resp) throws IOException {
        GateSnapshot s = services.status().snapshot();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", Display.when(s.at()));
        body.put("connectedTotal", s.connectedTotal());
        for (IdentityKind k : IdentityKind.values()) {
            body.put("connected." + k.name(), s.connected().getOrDefault(k, 0));
        }
        body.put("stanzasPerSecond", Math.round(s.stanzasPerSecond() * 10) / 10.0);
        body.put("errorsLastMinute", s.errorsLastMinute());
        body.put("keysPublished", s.certification().keysPublished());
        body.put("queriesAnswered", s.certification().queriesAnswered());
        body.put("revocations", s.certification().revocations());
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        json.writeValue(resp.getOutputStream(), body);
    }
}
