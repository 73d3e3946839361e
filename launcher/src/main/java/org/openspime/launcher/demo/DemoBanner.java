package org.openspime.launcher.demo;

import java.io.PrintStream;
import org.openspime.gate.SpimeGate;
import org.openspime.scopenode.node.ScopeNode;

/** What the demo prints once everything is up: where to look, with what to sign in, what is happening. */
final class DemoBanner {

    private final PrintStream out;

    DemoBanner(PrintStream out) {
        this.out = out;
    }

    void print(DemoPlan plan, SpimeGate gate, ScopeNode node, String token, String operator, String password, int spimes) {
        String host = plan.bindAddress();
        String console = gate.console().baseUri().toString();
        String query = "http://" + host + ":" + node.httpPort();
        out.println();
        out.println("OpenSpime demo is running. Data: " + plan.dataDir() + "   (Ctrl-C stops it)");
        out.println();
        out.printf("  Console (the gate's)   %s%n", console);
        out.printf("                         sign in as %s with password %s%n", operator, password);
        out.printf("  ScopeNode query API    %s/api/readings   (Authorization: Bearer %s)%n", query, token);
        out.printf("                         curl -s -H 'Authorization: Bearer %s' '%s/api/readings?limit=5'%n", token, query);
        out.printf("                         curl -s -H 'Authorization: Bearer %s' '%s/api/export.csv' > readings.csv%n", token, query);
        out.printf("  Gate (XMPP, STARTTLS)  %s:%d   certificate SHA-256 %s%n", host, gate.c2sPort(),
                gate.certificate().sha256Fingerprint());
        out.printf("  Scope                  %s, collected by %s%n", node.scope().name(), node.snid());
        out.printf("  Spimes                 %s ... %s: a signed, encrypted reading each every few seconds%n",
                plan.spimeId(1), plan.spimeId(spimes));
        out.println();
        out.println("Readings as the ScopeNode acknowledges them (after they are committed to its database):");
        out.flush();
    }
}
