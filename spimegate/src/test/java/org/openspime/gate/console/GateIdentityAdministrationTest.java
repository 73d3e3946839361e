package org.openspime.gate.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openspime.gate.identity.IdentityRegistry;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.StorageFixture;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityListing;
import org.openspime.web.identity.IdentityQuery;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityRefused.Reason;
import org.openspime.web.identity.IdentityState;
import org.openspime.web.identity.IdentityView;
import org.openspime.web.identity.IssuedIdentity;

/** The console's identity actions on the gate's registry, with the refusal reasons the console shows. */
class GateIdentityAdministrationTest {
    @TempDir
    Path dir;

    private static GateIdentityAdministration adapter(StorageFixture db) {
        return new GateIdentityAdministration(db.storage().identities(),
                new JdbcOsidLookup(db.storage().database().dataSource()),
                new IdentityTotals(Clock.systemUTC(), Duration.ofMinutes(5)));
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void eachRefusalCarriesTheReasonTheConsoleMapsToAStatus(StorageFixture.Engine engine) {
        try (StorageFixture db = StorageFixture.create(engine, dir)) {
            GateIdentityAdministration ids = adapter(db);
            ids.create(IdentityKind.SPIME, "taken@gate.example/spime", "", true);

            assertRefused(() -> ids.create(IdentityKind.SPIME, "no-local-part/spime", "", true), Reason.MALFORMED_JID);
            assertRefused(() -> ids.create(IdentityKind.SCOPENODE, "node@gate.example", "", true), Reason.WRONG_KIND);
            assertRefused(() -> ids.create(IdentityKind.SPIME, "s@other.example/spime", "", true), Reason.INVALID);
            assertRefused(() -> ids.create(IdentityKind.SPIME, "TAKEN@gate.example/spime", "", true), Reason.DUPLICATE);
            assertRefused(() -> ids.create(IdentityKind.SPIME, "taken@gate.example/second", "", true), Reason.INVALID);
            assertRefused(() -> ids.disable("ghost@gate.example/spime"), Reason.NOT_FOUND);
            assertRefused(() -> ids.resetPassword("ghost@gate.example/spime"), Reason.NOT_FOUND);
            assertRefused(() -> ids.delete("ghost@gate.example/spime"), Reason.NOT_FOUND);
            assertThat(ids.show("not a jid")).isEmpty();
            assertThat(ids.show("taken@other.example/spime")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void issuingShowsThePasswordOnceAndKeyOnlyIdentitiesHaveNone(StorageFixture.Engine engine) {
        try (StorageFixture db = StorageFixture.create(engine, dir)) {
            GateIdentityAdministration ids = adapter(db);
            IssuedIdentity withPassword = ids.create(IdentityKind.SPIME, "gateway@gate.example/spime1", "Bridge", true);
            assertThat(withPassword.password()).hasValueSatisfying(p -> assertThat(p).hasSize(20));
            assertThat(withPassword.identity()).extracting(IdentityView::kind, IdentityView::state, IdentityView::hasPassword)
                    .containsExactly(IdentityKind.SPIME, IdentityState.ACTIVE, true);

            IssuedIdentity sibling = ids.create(IdentityKind.SPIME, "gateway@gate.example/spime2", "", false);
            assertThat(sibling.password()).as("shares the account's password").isEmpty();
            assertThat(sibling.identity().hasPassword()).isTrue();

            IssuedIdentity keyOnly = ids.create(IdentityKind.SERVICE, "ranking@gate.example", "Ranking", false);
            assertThat(keyOnly.password()).isEmpty();
            assertThat(keyOnly.identity().hasPassword()).isFalse();
            assertThat(db.storage().identities().accountExists(
                    org.openspime.gate.identity.Jid.parse("ranking@gate.example").toEntity())).isTrue();

            String reset = ids.resetPassword("ranking@gate.example");
            assertThat(reset).hasSize(20);
            assertThat(ids.show("ranking@gate.example")).hasValueSatisfying(v -> assertThat(v.hasPassword()).isTrue());

            ids.disable("gateway@gate.example/spime1");
            assertThat(ids.show("gateway@gate.example/spime1").orElseThrow().state()).isEqualTo(IdentityState.DISABLED);
            assertThat(ids.show("gateway@gate.example/spime2").orElseThrow().state()).isEqualTo(IdentityState.ACTIVE);
            ids.enable("gateway@gate.example/spime1");
            ids.delete("gateway@gate.example/spime2");
            assertThat(ids.show("gateway@gate.example/spime2")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void pagesCarryTheTotalAndConsoleChangesShowInItAtOnce(StorageFixture.Engine engine) {
        try (StorageFixture db = StorageFixture.create(engine, dir)) {
            IdentityRegistry registry = db.storage().identities();
            for (int i = 0; i < 120; i++) {
                registry.create(i % 3 == 0 ? OsidKind.SCOPENODE : OsidKind.SPIME,
                        String.format("dev-%03d@gate.example/r", i), i % 10 == 0 ? "roof" : "cellar", "pw-" + "x".repeat(10));
            }
            registry.disable("dev-007@gate.example/r");
            GateIdentityAdministration ids = adapter(db);

            IdentityListing first = ids.list(IdentityQuery.firstPage(50));
            assertThat(first.identities()).hasSize(50).first().extracting(IdentityView::jid).isEqualTo("dev-000@gate.example/r");
            assertThat(first.total()).isEqualTo(120);
            assertThat(first.identities()).allMatch(IdentityView::hasPassword);
            IdentityListing last = ids.list(new IdentityQuery(Optional.empty(), Optional.empty(), "", 100, 50));
            assertThat(last.identities()).hasSize(20);
            assertThat(last.total()).isEqualTo(120);
            assertThat(ids.list(new IdentityQuery(Optional.of(IdentityKind.SCOPENODE), Optional.empty(), "", 0, 10)).total())
                    .isEqualTo(40);
            assertThat(ids.list(new IdentityQuery(Optional.empty(), Optional.of(IdentityState.DISABLED), "", 0, 10))
                    .identities()).extracting(IdentityView::jid).containsExactly("dev-007@gate.example/r");
            assertThat(ids.list(new IdentityQuery(Optional.empty(), Optional.empty(), "ROOF", 0, 5)).total()).isEqualTo(12);

            ids.create(IdentityKind.SPIME, "dev-999@gate.example/r", "", true);
            assertThat(ids.list(IdentityQuery.firstPage(50)).total()).as("the cached total is dropped").isEqualTo(121);
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(IdentityRefused.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }
}
