package org.openspime.gate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.authorization.AccountCreationException;
import org.apache.vysper.xmpp.authorization.AccountManagement;
import org.apache.vysper.xmpp.authorization.UserAuthorization;
import org.apache.vysper.xmpp.modules.roster.AskSubscriptionType;
import org.apache.vysper.xmpp.modules.roster.RosterGroup;
import org.apache.vysper.xmpp.modules.roster.RosterItem;
import org.apache.vysper.xmpp.modules.roster.SubscriptionType;
import org.apache.vysper.xmpp.modules.roster.persistence.RosterManager;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openspime.gate.testing.StorageFixture;

class GateStorageTest {
    @TempDir
    Path dir;

    private static Entity jid(String s) {
        return EntityImpl.parseUnchecked(s);
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void vysperAccountsAndPasswordChecksGoThroughTheRegistry(StorageFixture.Engine engine) throws Exception {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            AccountManagement accounts = (AccountManagement) gate.storage().vysperProviders()
                    .retrieve(AccountManagement.class);
            UserAuthorization auth = (UserAuthorization) gate.storage().vysperProviders()
                    .retrieve(UserAuthorization.class);
            accounts.addUser(jid("svc@gate.example"), "first password");
            assertThat(accounts.verifyAccountExists(jid("svc@gate.example/any"))).isTrue();
            assertThat(auth.verifyCredentials("svc@gate.example", "first password", null)).isTrue();
            assertThat(auth.verifyCredentials(jid("svc@gate.example"), "wrong", null)).isFalse();
            accounts.changePassword(jid("svc@gate.example"), "second password");
            assertThat(auth.verifyCredentials("svc@gate.example", "first password", null)).isFalse();
            assertThat(auth.verifyCredentials("svc@gate.example", "second password", null)).isTrue();
            gate.storage().identities().disable("svc@gate.example");
            assertThat(auth.verifyCredentials("svc@gate.example", "second password", null)).isFalse();
            assertThatThrownBy(() -> accounts.changePassword(jid("nobody@gate.example"), "whatever1"))
                    .isInstanceOf(AccountCreationException.class).hasMessageContaining("not registered");
            assertThat(accounts.verifyAccountExists(jid("nobody@gate.example"))).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void rosterItemsWithGroupsAndSubscriptionsRoundTrip(StorageFixture.Engine engine) throws Exception {
        try (StorageFixture gate = StorageFixture.create(engine, dir)) {
            RosterManager rosters = (RosterManager) gate.storage().vysperProviders().retrieve(RosterManager.class);
            Entity owner = jid("node@gate.example/co2");
            rosters.addContact(owner, new RosterItem(jid("spime1@gate.example"), "Spime 1", SubscriptionType.NONE,
                    AskSubscriptionType.ASK_SUBSCRIBE, List.of(new RosterGroup("sensors"), new RosterGroup("co2"))));
            rosters.addContact(owner, new RosterItem(jid("peer@other.example"), SubscriptionType.BOTH));
            assertThat(rosters.retrieve(owner)).hasSize(2);
            RosterItem item = rosters.getContact(jid("node@gate.example"), jid("spime1@gate.example/x"));
            assertThat(item.getName()).isEqualTo("Spime 1");
            assertThat(item.getAskSubscriptionType()).isEqualTo(AskSubscriptionType.ASK_SUBSCRIBE);
            assertThat(item.getGroups()).extracting(RosterGroup::getName).containsExactly("co2", "sensors");

            rosters.addContact(owner, new RosterItem(jid("spime1@gate.example"), "Spime one", SubscriptionType.FROM,
                    AskSubscriptionType.NOT_SET, List.of(new RosterGroup("sensors"))));
            item = rosters.getContact(owner, jid("spime1@gate.example"));
            assertThat(item.getSubscriptionType()).isEqualTo(SubscriptionType.FROM);
            assertThat(item.getAskSubscriptionType()).isEqualTo(AskSubscriptionType.NOT_SET);
            assertThat(item.getGroups()).extracting(RosterGroup::getName).containsExactly("sensors");

            rosters.removeContact(owner, jid("spime1@gate.example"));
            assertThat(rosters.getContact(owner, jid("spime1@gate.example"))).isNull();
            assertThat(rosters.retrieve(jid("empty@gate.example"))).isEmpty();
        }
    }
}
