package org.openspime.gate.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openspime.gate.testing.StorageFixture;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.audit.AuditListing;
import org.openspime.web.audit.AuditQuery;
import org.openspime.web.operator.ApiToken;
import org.openspime.web.operator.Operator;

/** The console's JDBC stores (migration V3) on the embedded H2 and on a real PostgreSQL. */
class ConsoleStoresTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void operatorsAreSavedReplacedAndListedByName(StorageFixture.Engine engine) {
        try (StorageFixture db = StorageFixture.create(engine, dir)) {
            JdbcOperatorDirectory operators = new JdbcOperatorDirectory(db.storage().database().dataSource());
            assertThat(operators.list()).isEmpty();
            operators.save(new Operator("zoe", "pbkdf2-sha256$1$a$b", T0, false));
            operators.save(new Operator("admin", "pbkdf2-sha256$1$c$d", T0, false));
            operators.save(new Operator("admin", "pbkdf2-sha256$1$e$f", T0.plusSeconds(5), true));

            assertThat(operators.list()).extracting(Operator::name).containsExactly("admin", "zoe");
            assertThat(operators.find("admin")).contains(new Operator("admin", "pbkdf2-sha256$1$e$f", T0.plusSeconds(5), true));
            assertThat(operators.find("Admin")).as("names are exact").isEmpty();
            assertThat(operators.find("nobody")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void apiTokensAreFoundByHashListedPerOperatorAndRevoked(StorageFixture.Engine engine) {
        try (StorageFixture db = StorageFixture.create(engine, dir)) {
            JdbcOperatorDirectory operators = new JdbcOperatorDirectory(db.storage().database().dataSource());
            operators.save(new Operator("admin", "h", T0, false));
            operators.save(new Operator("bob", "h", T0, false));
            ApiToken first = new ApiToken("t1", "admin", "backup script", "a".repeat(64), T0);
            ApiToken second = new ApiToken("t2", "admin", "x".repeat(300), "b".repeat(64), T0.plusSeconds(1));
            operators.saveToken(first);
            operators.saveToken(second);
            operators.saveToken(new ApiToken("t3", "bob", "monitoring", "c".repeat(64), T0));

            assertThat(operators.findToken("a".repeat(64))).contains(first);
            assertThat(operators.findToken("d".repeat(64))).isEmpty();
            assertThat(operators.tokensOf("admin")).extracting(ApiToken::id).containsExactly("t1", "t2");
            assertThat(operators.tokensOf("admin").get(1).label()).as("long labels are cut, not refused")
                    .hasSize(256).endsWith("\u2026");
            operators.deleteToken("t1");
            assertThat(operators.findToken("a".repeat(64))).isEmpty();
            assertThat(operators.tokensOf("admin")).extracting(ApiToken::id).containsExactly("t2");
            assertThatThrownBy(() -> operators.saveToken(new ApiToken("t4", "ghost", "x", "e".repeat(64), T0)))
                    .as("a token belongs to an existing operator").isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void auditTrailIsReadNewestFirstWithTheConsolesFilters(StorageFixture.Engine engine) {
        try (StorageFixture db = StorageFixture.create(engine, dir)) {
            JdbcAuditLog audit = new JdbcAuditLog(db.storage().database().dataSource());
            List<AuditEntry> all = List.of(
                    entry(0, "admin", "identity.create", "a@gate.example/spime"),
                    entry(1, "Bob", "identity.disable", "a@gate.example/spime"),
                    entry(2, "admin", "key.revoke", "b@gate.example/spime"),
                    entry(3, "admin", "identity_x.odd", "c@gate.example/100%"),
                    entry(4, "bob", "identity.delete", "c@gate.example/100%"));
            all.forEach(audit::record);

            assertThat(audit.query(AuditQuery.latest(10)).entries()).containsExactly(all.get(4), all.get(3), all.get(2), all.get(1), all.get(0));
            assertThat(actions(audit.query(query("BOB", "", "", null, null, 0, 10))))
                    .as("operator matched case-insensitively").containsExactly("identity.delete", "identity.disable");
            assertThat(actions(audit.query(query("", "identity.", "", null, null, 0, 10))))
                    .as("action is a prefix; '_' is not a wildcard")
                    .containsExactly("identity.delete", "identity.disable", "identity.create");
            assertThat(actions(audit.query(query("", "", "100%", null, null, 0, 10))))
                    .containsExactly("identity.delete", "identity_x.odd");
            assertThat(actions(audit.query(query("", "", "", T0.plusSeconds(60), T0.plusSeconds(180), 0, 10))))
                    .as("since inclusive, until exclusive").containsExactly("key.revoke", "identity.disable");

            AuditListing page = audit.query(query("", "", "", null, null, 2, 2));
            assertThat(actions(page)).containsExactly("key.revoke", "identity.disable");
            assertThat(page.total()).isEqualTo(5);
            AuditListing last = audit.query(query("", "", "", null, null, 4, 2));
            assertThat(actions(last)).containsExactly("identity.create");
            assertThat(last.total()).isEqualTo(5);
            assertThat(audit.query(query("", "", "", null, null, 10, 2)).total()).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void anOversizedDetailIsCutRatherThanLosingTheEntry(StorageFixture.Engine engine) {
        try (StorageFixture db = StorageFixture.create(engine, dir)) {
            JdbcAuditLog audit = new JdbcAuditLog(db.storage().database().dataSource());
            audit.record(new AuditEntry(T0, "admin", "key.revoke", "a@gate.example/s", "why ".repeat(1000),
                    "2001:db8::1", "api"));
            AuditEntry kept = audit.query(AuditQuery.latest(1)).entries().get(0);
            assertThat(kept.detail()).hasSize(2048).startsWith("why why");
            assertThat(kept.from()).isEqualTo("2001:db8::1");
            assertThat(kept.when()).isEqualTo(T0);
        }
    }

    private static AuditEntry entry(int minute, String who, String action, String target) {
        return new AuditEntry(T0.plus(Duration.ofMinutes(minute)).truncatedTo(ChronoUnit.SECONDS), who, action, target,
                "detail " + minute, "127.0.0.1", "console");
    }

    private static AuditQuery query(String who, String action, String target, Instant since, Instant until,
                                    int offset, int limit) {
        return new AuditQuery(who, action, target, Optional.ofNullable(since), Optional.ofNullable(until), offset, limit);
    }

    private static List<String> actions(AuditListing listing) {
        return listing.entries().stream().map(AuditEntry::action).toList();
    }
}
