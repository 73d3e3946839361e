package org.openspime.system.scopenode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.openspime.certification.Jid;
import org.openspime.client.connection.GateTrust;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;
import org.openspime.scopenode.node.NodeSettings;
import org.openspime.scopenode.storage.ReadingQuery;
import org.openspime.scopenode.storage.ReadingStore;
import org.openspime.scopenode.storage.StoredReading;
import org.openspime.scopenode.storage.TimeRange;

/** Settings of a ScopeNode on a test gate (SNID registered, scope file written, RSA-2048, free HTTP port). */
public final class NodeFixture {

    public static final String SNID = "co2node@gate.test/co2";
    public static final String TOKEN = "system-test-query-token-0123456789";

    private NodeFixture() {
    }

    static NodeSettings settings(TestGate gate, Path dir) throws Exception {
        gate.register(OsidKind.SCOPENODE, SNID);
        return settings(gate.port(), GateTrust.using(gate.trust(), "test gate"), dir);
    }

    /** Settings of a ScopeNode ({@link #SNID}, registered by the caller) on the gate at {@code gatePort}. */
    public static NodeSettings settings(int gatePort, GateTrust trust, Path dir) throws Exception {
        return NodeSettings.of(Jid.of(SNID), TestGate.PASSWORD, "127.0.0.1", gatePort, trust, TestScope.write(dir),
                        dir.resolve("data"), TOKEN)
                .withHttp("127.0.0.1", 0).withKeyBits(2048);
    }

    /** Every stored reading of a spime (of the last and next day), in time order. */
    static java.util.List<StoredReading> readingsOf(ReadingStore store, Jid spime) throws Exception {
        Instant now = Instant.now();
        TimeRange range = new TimeRange(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS));
        return store.query(new ReadingQuery(range, spime.toString(), null, ReadingQuery.MAX_LIMIT, null)).readings();
    }
}
