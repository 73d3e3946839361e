package org.openspime.scopenode.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.openspime.scopenode.node.NodeKeys;
import org.openspime.scopenode.node.NodeSettings;
import org.openspime.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code scopenode status}: keys, database contents, authorization entries, and whether the daemon answers. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show keys, stored readings and whether the daemon is up.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    NodeOptions options = new NodeOptions();

    @Override
    public Integer call() throws Exception {
        SettingSources s = options.sources();
        System.out.println("SNID:            " + s.string("snid", options.snid, "(not set)"));
        NodeKeys keys = NodeKeys.open(options.dataDir());
        System.out.println("current key:     " + keys.fingerprint());
        keys.previous().ifPresent(p -> System.out.println("previous key:    "
                + org.openspime.certification.keys.Fingerprint.of(p.getPublic())));
        try (Database db = options.openDatabase(); Connection c = db.connection(); Statement st = c.createStatement()) {
            System.out.println("readings:        " + count(st, "SELECT COUNT(*) FROM readings"));
            System.out.println("spimes seen:     " + count(st, "SELECT COUNT(*) FROM spimes"));
            System.out.println("authorized:      " + count(st, "SELECT COUNT(*) FROM authorized_spimes") + " entries");
        }
        String bind = s.string("http-bind", options.httpBind, "127.0.0.1");
        int port = s.integer("http-port", options.httpPort, NodeSettings.DEFAULT_HTTP_PORT);
        System.out.println("daemon:          " + health(bind, port));
        return 0;
    }

    private static long count(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String health(String bind, int port) {
        String host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind;
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + host + ":" + port + "/health")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return (r.statusCode() == 200 ? "up, logged in to the gate" : "running, not logged in to the gate")
                    + " (http://" + host + ":" + port + "/health)";
        } catch (Exception e) {
            return "not answering on http://" + host + ":" + port + "/health";
        }
    }
}
