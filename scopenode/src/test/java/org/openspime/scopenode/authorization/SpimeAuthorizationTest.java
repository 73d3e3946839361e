package org.openspime.scopenode.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openspime.scopenode.testing.TestDatabase;
import org.openspime.scopenode.testing.TestDatabase.Kind;

/** Runs on the embedded H2 and on the real PostgreSQL. */
class SpimeAuthorizationTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void ownerAuthorizesListsAndRevokesExactIdsAndPatterns(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            SpimeAuthorization auth = new SpimeAuthorization(db.database().dataSource(), Duration.ofHours(1));
            assertThat(auth.isAuthorized("4A6B-5638@gate.example/spime")).as("empty list refuses all").isFalse();

            assertThat(auth.authorize("4A6B-5638@Gate.Example/spime", "owner")).isTrue();
            assertThat(auth.authorize("sensor-*@gate.example/spime", "owner")).isTrue();
            assertThat(auth.authorize("*@net.example/*", null)).isTrue();
            assertThat(auth.authorize("4a6b-5638@gate.example/spime", "owner")).as("same entry normalized")
                    .isFalse();

            assertThat(auth.isAuthorized("4a6b-5638@gate.example/spime")).isTrue();
            assertThat(auth.isAuthorized("4A6B-5638@gate.example/spime")).isTrue();
            assertThat(auth.isAuthorized("4A6B-5638@gate.example/other")).isFalse();
            assertThat(auth.isAuthorized("sensor-9@gate.example/spime")).isTrue();
            assertThat(auth.isAuthorized("gateway@net.example/spime12")).isTrue();
            assertThat(auth.isAuthorized("gateway@evil.example/x@net.example/y")).isFalse();
            assertThat(auth.list()).extracting(Authorization::pattern).containsExactly(
                    "*@net.example/*", "4a6b-5638@gate.example/spime", "sensor-*@gate.example/spime");
            assertThat(auth.list().get(1).authorizedBy()).isEqualTo("owner");

            assertThat(auth.revoke("*@net.example/*")).isTrue();
            assertThat(auth.revoke("*@net.example/*")).isFalse();
            assertThat(auth.isAuthorized("gateway@net.example/spime12")).as("revocation is immediate").isFalse();
            assertThatThrownBy(() -> auth.authorize("*@gate.example", "owner"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aChangeByAnotherProcessIsSeenWithinTheRecheckInterval(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            SpimeAuthorization daemon = new SpimeAuthorization(db.database().dataSource(), Duration.ofMillis(200));
            SpimeAuthorization cli = new SpimeAuthorization(db.database().dataSource(), Duration.ofHours(1));
            assertThat(daemon.isAuthorized("s1@gate.example/spime")).isFalse();

            cli.authorize("s1@gate.example/spime", "cli");
            assertThat(daemon.isAuthorized("s1@gate.example/spime")).as("cached until the recheck").isFalse();
            Thread.sleep(250);
            assertThat(daemon.isAuthorized("s1@gate.example/spime")).isTrue();

            cli.revoke("s1@gate.example/spime");
            Thread.sleep(250);
            assertThat(daemon.isAuthorized("s1@gate.example/spime")).isFalse();
        }
    }
}
