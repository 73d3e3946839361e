package org.openspime.gate.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.openspime.gate.identity.OsidKind;

/**
 * Batch reads over the identity tables for what the console shows per row or per session, so that a page of
 * 100 identities or 10,000 connected sessions costs a handful of queries rather than one each. Read-only; the
 * registry remains the only writer.
 */
public final class JdbcOsidLookup {
    /** Keeps each IN list well under every driver's parameter limit. */
    private static final int CHUNK = 200;

    private final Jdbc jdbc;

    public JdbcOsidLookup(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "identity lookup");
    }

    /** Which of these accounts (bare JIDs) hold a password, i.e. have SCRAM credentials. */
    public Set<String> accountsWithPassword(Collection<String> accounts) {
        Set<String> out = new HashSet<>();
        for (List<String> chunk : chunks(accounts)) {
            out.addAll(jdbc.query("SELECT DISTINCT account_jid FROM credentials WHERE account_jid IN ("
                    + marks(chunk.size()) + ")", rs -> rs.getString(1), chunk.toArray()));
        }
        return out;
    }

    /** Every OSID registered under these accounts, as JID to kind; an account's OSIDs come in JID order. */
    public Map<String, List<Registered>> osidsOfAccounts(Collection<String> accounts) {
        Map<String, List<Registered>> out = new HashMap<>();
        for (List<String> chunk : chunks(accounts)) {
            jdbc.query("SELECT account_jid, jid, kind FROM osids WHERE account_jid IN (" + marks(chunk.size())
                            + ") ORDER BY account_jid, jid",
                    rs -> new Registered(rs.getString(1), rs.getString(2), OsidKind.valueOf(rs.getString(3))),
                    chunk.toArray())
                    .forEach(r -> out.computeIfAbsent(r.account(), a -> new ArrayList<>()).add(r));
        }
        return out;
    }

    /** One OSID row. */
    public record Registered(String account, String jid, OsidKind kind) {
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(new HashSet<>(values));
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
