package org.openspime.system.datapath;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.connection.ConnectionSettings;
import org.openspime.client.spime.Spime;
import org.openspime.client.spime.SpimeOptions;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.PeerGate;
import org.openspime.gate.testing.TestGate;

/** SDK spimes on federated {@link PeerGate}s, trusting the certification keys of the gates they deal with. */
final class FederatedSpimes {
    private FederatedSpimes() {
    }

    /** What a spime is configured with to deal across gates: each gate's certification service and key. */
    static TrustAnchors anchorsOf(PeerGate... gates) throws Exception {
        TrustAnchors.Builder anchors = TrustAnchors.builder();
        for (PeerGate gate : gates) {
            anchors.trust(gate.certificationService(), gate.certificationKey());
        }
        return anchors.build();
    }

    /** Registers {@code name@<gate domain>/spime}, logs it in with a new key pair and its own outbox, publishes the key. */
    static Spime start(PeerGate gate, String name, TrustAnchors anchors, Path dir) throws Exception {
        String osid = name + "@" + gate.domain() + "/spime";
        gate.register(OsidKind.SPIME, osid);
        ConnectionSettings connection = ConnectionSettings.of(Jid.of(osid), TestGate.PASSWORD, gate.gateTrust(),
                gate.address(), gate.c2sPort()).withReplyTimeout(SdkSpimes.REPLY_TIMEOUT);
        Path outbox = Files.createDirectories(dir.resolve("spimes").resolve(name)).resolve("outbox");
        Spime spime = Spime.start(connection, RsaKeys.generate(2048), outbox,
                SpimeOptions.trusting(anchors).withRetry(SdkSpimes.FAST_RETRIES));
        spime.publishKey();
        return spime;
    }
}
