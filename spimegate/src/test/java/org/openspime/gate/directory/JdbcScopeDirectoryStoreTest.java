package org.openspime.gate.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openspime.gate.identity.IdentityRegistry;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.StorageFixture;

/** The directory's table (migration V4) on the embedded H2 and on a real PostgreSQL. */
class JdbcScopeDirectoryStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void latestAnnouncementWinsOnlyPublicOnesOfEnabledScopeNodesAreListedAndDeletionDropsThem(StorageFixture.Engine engine) {
        try (StorageFixture db = StorageFixture.create(engine, dir)) {
            IdentityRegistry identities = db.storage().identities();
            identities.createKeyOnly(OsidKind.SCOPENODE, "co2node@gate.example/co2", "", "");
            identities.createKeyOnly(OsidKind.SCOPENODE, "noise@gate.example/db", "", "");
            identities.createKeyOnly(OsidKind.SCOPENODE, "water@gate.example/w", "", "");
            JdbcScopeDirectoryStore store = new JdbcScopeDirectoryStore(db.storage().database().dataSource());

            store.announce(new ScopeAnnouncement("co2node@gate.example/co2", "co2", ScopeVisibility.PUBLIC, "", T0));
            store.announce(new ScopeAnnouncement("co2node@gate.example/co2", "co2-classrooms", ScopeVisibility.PUBLIC,
                    "CO2 in classrooms", T0.plusSeconds(60)));
            store.announce(new ScopeAnnouncement("noise@gate.example/db", "noise", ScopeVisibility.PRIVATE, "", T0));
            store.announce(new ScopeAnnouncement("water@gate.example/w", "água ☂", ScopeVisibility.PUBLIC, "", T0));
            assertThat(store.publicScopes()).containsExactly(
                    new ScopeAnnouncement("co2node@gate.example/co2", "co2-classrooms", ScopeVisibility.PUBLIC,
                            "CO2 in classrooms", T0.plusSeconds(60)),
                    new ScopeAnnouncement("water@gate.example/w", "água ☂", ScopeVisibility.PUBLIC, "", T0));

            identities.disable("water@gate.example/w");
            assertThat(store.publicScopes()).extracting(ScopeAnnouncement::name).containsExactly("co2-classrooms");
            identities.delete("co2node@gate.example/co2");
            assertThat(store.publicScopes()).isEmpty();
            assertThatThrownBy(() -> store.announce(new ScopeAnnouncement("ghost@gate.example/x", "ghost",
                    ScopeVisibility.PUBLIC, "", T0))).as("only registered OSIDs").isInstanceOf(IllegalStateException.class);
        }
    }
}
