package org.openspime.gate.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openspime.gate.credentials.ScramAlgorithm;
import org.openspime.gate.testing.StorageFixture;

class IdentityRegistryTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void createdSpimeGetsAGeneratedPasswordThatVerifies(StorageFixture.Engine engine) {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            IdentityRegistry r = gate.storage().identities();
            NewIdentity n = r.create(OsidKind.SPIME, "4A6B-5638@gate.example/spime", "CO2 sensor", null);
            assertThat(n.generatedPassword()).hasSize(20);
            assertThat(n.identity().jid().toString()).isEqualTo("4a6b-5638@gate.example/spime");
            assertThat(n.identity().account().toString()).isEqualTo("4a6b-5638@gate.example");
            assertThat(n.identity().state()).isEqualTo(IdentityState.ACTIVE);
            Entity account = EntityImpl.parseUnchecked("4a6b-5638@gate.example");
            assertThat(r.credentials(account, ScramAlgorithm.SHA_256).orElseThrow().verify(n.generatedPassword()))
                    .isTrue();
            assertThat(r.credentials(account, ScramAlgorithm.SHA_1).orElseThrow().verify(n.generatedPassword()))
                    .isTrue();
            assertThat(r.show("4A6B-5638@gate.example/spime").description()).isEqualTo("CO2 sensor");
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void invalidRequestsAreRefusedWithClearMessages(StorageFixture.Engine engine) {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            IdentityRegistry r = gate.storage().identities();
            assertThatThrownBy(() -> r.create(OsidKind.SPIME, "not a jid", null, null))
                    .isInstanceOf(IdentityException.class).hasMessageContaining("malformed JID");
            assertThatThrownBy(() -> r.create(OsidKind.SPIME, "dev@gate.example", null, null))
                    .hasMessageContaining("SpimeID must be a full JID");
            assertThatThrownBy(() -> r.create(OsidKind.SCOPENODE, "co2@gate.example", null, null))
                    .hasMessageContaining("SNID must be a full JID");
            assertThatThrownBy(() -> r.create(OsidKind.SPIME, "dev@other.example/s", null, null))
                    .hasMessageContaining("not in this gate's domain gate.example");
            assertThatThrownBy(() -> r.create(OsidKind.SERVICE, "gate.example", null, null))
                    .hasMessageContaining("local part is required");
            assertThatThrownBy(() -> r.create(OsidKind.SPIME, "dev@gate.example/s", null, "short"))
                    .hasMessageContaining("password too short");
            r.create(OsidKind.SERVICE, "ranking@gate.example", null, "long enough pw");
            assertThatThrownBy(() -> r.create(OsidKind.SERVICE, "Ranking@gate.example", null, null))
                    .hasMessage("ranking@gate.example is already registered");
            assertThatThrownBy(() -> r.show("nobody@gate.example/x")).hasMessage("nobody@gate.example/x is not registered");
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void bridgeAccountHoldsSeveralSpimeIdsAndBindsOnlyThose(StorageFixture.Engine engine) {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            IdentityRegistry r = gate.storage().identities();
            String pw = r.create(OsidKind.SPIME, "gateway@gate.example/spime1", null, null).generatedPassword();
            NewIdentity second = r.create(OsidKind.SPIME, "gateway@gate.example/spime2", null, null);
            assertThat(second.generatedPassword()).isNull();
            assertThatThrownBy(() -> r.create(OsidKind.SPIME, "gateway@gate.example/spime3", null, "another pw!"))
                    .hasMessageContaining("use reset-password");
            Entity account = EntityImpl.parseUnchecked("gateway@gate.example");
            assertThat(r.credentials(account, ScramAlgorithm.SHA_256).orElseThrow().verify(pw)).isTrue();
            assertThat(r.mayBind(account, "spime1")).isTrue();
            assertThat(r.mayBind(account, "spime2")).isTrue();
            assertThat(r.mayBind(account, "laptop")).isFalse();

            r.disable("gateway@gate.example/spime1");
            assertThat(r.mayBind(account, "spime1")).isFalse();
            assertThat(r.isAccountActive(account)).isTrue();
            r.disable("gateway@gate.example");
            assertThat(r.isAccountActive(account)).isFalse();
            r.enable("gateway@gate.example/spime2");
            assertThat(r.mayBind(account, "spime2")).isTrue();

            IdentityRegistry open = new IdentityRegistry(new JdbcIdentityStore(gate.storage().database().dataSource()),
                    StorageFixture.DOMAIN, true);
            assertThat(open.mayBind(account, "laptop")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void bareServIdMayBindAnyResource(StorageFixture.Engine engine) {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            IdentityRegistry r = gate.storage().identities();
            r.create(OsidKind.SERVICE, "certification@gate.example", "keys", null);
            Entity account = EntityImpl.parseUnchecked("certification@gate.example");
            assertThat(r.mayBind(account, "node1")).isTrue();
            r.disable("certification@gate.example");
            assertThat(r.mayBind(account, "node1")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void resetPasswordAndDeleteAreAnnouncedToListeners(StorageFixture.Engine engine) {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            IdentityRegistry r = gate.storage().identities();
            List<String> heard = new CopyOnWriteArrayList<>();
            r.addListener(recorder(heard));
            String old = r.create(OsidKind.SCOPENODE, "co2node@gate.example/co2", null, null).generatedPassword();
            String fresh = r.resetPassword("co2node@gate.example/co2", null);
            Entity account = EntityImpl.parseUnchecked("co2node@gate.example");
            assertThat(fresh).isNotEqualTo(old);
            assertThat(r.credentials(account, ScramAlgorithm.SHA_1).orElseThrow().verify(fresh)).isTrue();
            assertThat(r.credentials(account, ScramAlgorithm.SHA_1).orElseThrow().verify(old)).isFalse();
            r.disable("co2node@gate.example/co2");
            r.delete("co2node@gate.example/co2");
            assertThat(heard).containsExactly("password co2node@gate.example", "disabled co2node@gate.example/co2",
                    "deleted co2node@gate.example/co2", "deleted co2node@gate.example");
            assertThat(r.accountExists(account)).isFalse();
            assertThat(r.credentials(account, ScramAlgorithm.SHA_1)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void watcherCarriesChangesMadeByAnotherProcess(StorageFixture.Engine engine) throws Exception {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            IdentityRegistry gateSide = gate.storage().identities();
            // The admin CLI: another registry instance on the same database.
            IdentityRegistry adminSide = new IdentityRegistry(
                    new JdbcIdentityStore(gate.storage().database().dataSource()), StorageFixture.DOMAIN);
            adminSide.create(OsidKind.SPIME, "old@gate.example/s", null, null);
            List<String> heard = new CopyOnWriteArrayList<>();
            gateSide.addListener(recorder(heard));
            try (IdentityChangeWatcher watcher = new IdentityChangeWatcher(gateSide, Duration.ofMillis(50))) {
                watcher.start();
                adminSide.create(OsidKind.SPIME, "dev@gate.example/s1", null, null);
                adminSide.disable("dev@gate.example/s1");
                adminSide.resetPassword("dev@gate.example/s1", null);
                adminSide.delete("old@gate.example/s");
                gateSide.disable("dev@gate.example");  // local: heard directly, not again from the log
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (heard.size() < 5 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(200);
            }
            assertThat(heard).containsExactlyInAnyOrder("disabled dev@gate.example/s1", "password dev@gate.example",
                    "deleted old@gate.example/s", "deleted old@gate.example");
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void listingStaysFastWithAHundredThousandIdentities(StorageFixture.Engine engine) throws Exception {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            IdentityRegistry r = gate.storage().identities();
            bulkInsert(gate, 100_000);
            r.create(OsidKind.SCOPENODE, "needle@gate.example/co2", "the one CO2 node", null);
            r.list(IdentityQuery.all()); // warm up
            long start = System.nanoTime();
            List<Identity> first = r.list(IdentityQuery.all().kind(OsidKind.SPIME).limit(50));
            List<Identity> next = r.list(IdentityQuery.all().kind(OsidKind.SPIME).limit(50)
                    .after(first.get(49).jid().toString()));
            long pageMillis = (System.nanoTime() - start) / 1_000_000;
            List<Identity> deep = r.list(IdentityQuery.all().state(IdentityState.ACTIVE).limit(50).offset(90_000));
            List<Identity> found = r.list(IdentityQuery.all().search("CO2 NODE"));
            long count = r.count(IdentityQuery.all().kind(OsidKind.SPIME));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(first).hasSize(50);
            assertThat(next.get(0).jid().toString()).isGreaterThan(first.get(49).jid().toString());
            assertThat(deep).hasSize(50);
            assertThat(found).extracting(i -> i.jid().toString()).containsExactly("needle@gate.example/co2");
            assertThat(count).isEqualTo(100_000);
            // Index walks (first page, keyset page) must be interactive; the scans (deep offset, substring search,
            // count) get a budget that holds on a loaded 2-core machine where other builds run.
            // Known gap: H2 2.3 sorts all matches of "kind = ? ORDER BY jid LIMIT n" instead of walking the
            // (kind, jid) index (about 1.1-1.3 s here, after ANALYZE), so the interactive bound is pinned on
            // PostgreSQL, the production store, only.
            if (engine == StorageFixture.Engine.POSTGRESQL) {
                assertThat(pageMillis).as("first and next keyset page over 100k identities").isLessThan(1_000);
            }
            assertThat(millis).as("all five listing queries over 100k identities").isLessThan(10_000);
        }
    }

    private static void bulkInsert(StorageFixture gate, int n) throws Exception {
        try (Connection c = gate.storage().database().connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("INSERT INTO accounts (jid) VALUES (?)");
                 PreparedStatement o = c.prepareStatement("INSERT INTO osids (jid, account_jid, kind, state)"
                         + " VALUES (?, ?, 'SPIME', 'ACTIVE')")) {
                for (int i = 0; i < n; i++) {
                    String account = String.format("dev%06d@gate.example", i);
                    a.setString(1, account);
                    a.addBatch();
                    o.setString(1, account + "/spime");
                    o.setString(2, account);
                    o.addBatch();
                    if (i % 5000 == 4999) {
                        a.executeBatch();
                        o.executeBatch();
                    }
                }
                a.executeBatch();
                o.executeBatch();
            }
            c.commit();
            // Both engines plan from table statistics; a bulk load makes them stale until analysed.
            try (var st = c.createStatement()) {
                st.execute("ANALYZE");
            }
        }
    }

    private static IdentityListener recorder(List<String> heard) {
        return new IdentityListener() {
            @Override
            public void disabled(Entity jid) {
                heard.add("disabled " + jid.getFullQualifiedName());
            }

            @Override
            public void deleted(Entity jid) {
                heard.add("deleted " + jid.getFullQualifiedName());
            }

            @Override
            public void passwordChanged(Entity account) {
                heard.add("password " + account.getFullQualifiedName());
            }
        };
    }
}
