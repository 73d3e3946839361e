package org.openspime.system.spime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.bridge.Bridge;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.spime.Spime;
import org.openspime.client.talk.TalkMessage;
import org.openspime.gate.identity.OsidKind;

/** One gateway account relaying three spimes, each talking and reporting as itself with its own key. */
@Timeout(60)
class BridgeTest {

    @TempDir
    Path dir;

    @Test
    void threeRelayedSpimesEachTalkAndReportAsThemselvesWithTheirOwnKeys() throws Exception {
        try (SpimeNetwork network = new SpimeNetwork(dir)) {
            ScopeNodePeer scopeNode = network.scopeNode("co2node@gate.test/co2", Readings.SCOPE);
            Spime listener = network.spime("operator@gate.test/console");
            BlockingQueue<TalkMessage> heard = new LinkedBlockingQueue<>();
            listener.talk().addListener(heard::add);
            List<String> resources = List.of("spime1", "spime2", "spime3");
            for (String r : resources) {
                network.gate.register(OsidKind.SPIME, "gateway@gate.test/" + r);
            }

            Bridge bridge = network.closeLater(Bridge.open(network.settings("gateway@gate.test/spime1"), dir.resolve("bridge.p12"),
                    SpimeNetwork.STORE_PASSWORD, dir.resolve("bridge-outbox"), network.options(), 2048));
            Map<Jid, Fingerprint> keys = new HashMap<>();
            for (String r : resources) {
                Spime relayed = bridge.add(r);
                assertThat(relayed.osid()).isEqualTo(Jid.of("gateway@gate.test/" + r));
                keys.put(relayed.osid(), Fingerprint.of(relayed.keys().getPublic()));
            }
            assertThat(new HashSet<>(keys.values())).hasSize(3);

            for (Spime relayed : bridge.relayed()) {
                relayed.talk().say(listener.osid(), "hello from " + relayed.osid().resource().orElseThrow());
                ReportAck ack = relayed.report(scopeNode.snid(), Readings.SCOPE, Readings.co2(430)).get(0).get(10, TimeUnit.SECONDS);
                assertThat(scopeNode.stored()).containsKey(relayed.osid() + " " + ack.id());
            }
            Set<Jid> speakers = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                TalkMessage m = heard.poll(10, TimeUnit.SECONDS);
                assertThat(m).isNotNull();
                assertThat(m.signerKey()).as("signed with %s's own key", m.from()).isEqualTo(keys.get(m.from()));
                assertThat(m.text()).isEqualTo("hello from " + m.from().resource().orElseThrow());
                speakers.add(m.from());
            }
            assertThat(speakers).isEqualTo(keys.keySet());

            assertThat(bridge.remove("spime2")).isTrue();
            assertThat(bridge.relayed()).extracting(Spime::osid).doesNotContain(Jid.of("gateway@gate.test/spime2"));
            Spime back = bridge.add("spime2");
            assertThat(Fingerprint.of(back.keys().getPublic())).as("the same key after re-adding").isEqualTo(keys.get(back.osid()));
        }
    }
}
