package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import java.util.List;
import java.util.Optional;
import org.openspime.web.session.ConsoleSession;
import org.openspime.web.session.CsrfGuard;

/** The page shell: head, navigation, the operator's name and sign-out, then the page's own content. */
final class Layout {

    /** Navigation entries: path and label; the active one is marked for the stylesheet and screen readers. */
    private static final List<String[]> NAV = List.of(
            new String[] {"/console/", "Overview"},
            new String[] {"/console/identities", "Identities"},
            new String[] {"/console/bulk", "Bulk import"},
            new String[] {"/console/keys", "Keys"},
            new String[] {"/console/audit", "Audit log"},
            new String[] {"/console/tokens", "API tokens"});

    private Layout() {
    }

    static Html page(String title, String activePath, ConsoleSession session, Optional<String> flash, Html content) {
        Html nav = Html.each(NAV, item -> item[0].equals(activePath)
                ? html("<a href=\"{}\" class=\"active\" aria-current=\"page\">{}</a>", item[0], item[1])
                : html("<a href=\"{}\">{}</a>", item[0], item[1]));
        Html notice = flash.map(f -> html("<div class=\"notice\" role=\"status\">{}</div>", f)).orElse(Html.empty());
        return html("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{} · OpenSpime console</title>
                <link rel="stylesheet" href="/static/console.css">
                <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
                <script src="/static/console.js" defer></script>
                </head>
                <body class="console">
                <header class="topbar">
                  <a class="brand" href="/console/"><span class="mark">◆</span> OpenSpime <small>SpimeGate console</small></a>
                  <form method="post" action="/console/sign-out" class="signout">
                    <input type="hidden" name="{}" value="{}">
                    <span class="who" title="Signed in">{}</span>
                    <button type="submit" class="button ghost">Sign out</button>
                  </form>
                </header>
                <nav class="sidebar" aria-label="Console">{}</nav>
                <main class="content">
                <h1>{}</h1>
                {}{}
                </main>
                </body>
                </html>
                """, title, CsrfGuard.FIELD, session.csrfToken(), session.operator(), nav, title, notice, content);
    }

    /** A bare page for sign-in and errors shown before a session exists. */
    static Html plain(String title, Html content) {
        return html("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{} · OpenSpime console</title>
                <link rel="stylesheet" href="/static/console.css">
                <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
                </head>
                <body class="plain">
                <main class="card narrow">
                <div class="brand"><span class="mark">◆</span> OpenSpime <small>SpimeGate console</small></div>
                {}
                </main>
                </body>
                </html>
                """, title, content);
    }
}
