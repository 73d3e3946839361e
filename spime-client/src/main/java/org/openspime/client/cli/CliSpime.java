package org.openspime.client.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.keys.PublicKeyFiles;
import org.openspime.certification.keys.TrustedGate;
import org.openspime.client.connection.ConnectionSettings;
import org.openspime.client.connection.GateTrust;
import org.openspime.client.spime.SpimeConfig;
import org.openspime.client.spime.SpimeOptions;

/** Turns CLI settings into a {@link SpimeConfig}. */
final class CliSpime {

    private CliSpime() {
    }

    static SpimeConfig config(CliSettings s) throws IOException {
        Jid osid = Jid.of(s.require("osid"));
        GateTrust trust = s.get("gate.cert-pin").map(GateTrust::pinned).orElse(null);
        if (trust == null && s.get("gate.ca").isPresent()) {
            trust = GateTrust.certificates(Path.of(s.get("gate.ca").get()));
        }
        if (trust == null) {
            trust = GateTrust.system();
        }
        int port = Integer.parseInt(s.get("gate.port").orElse(String.valueOf(ConnectionSettings.DEFAULT_PORT)));
        ConnectionSettings connection = ConnectionSettings.of(osid, s.require("password"), trust, s.get("gate.host").orElse(osid.domain()), port);
        return SpimeConfig.of(connection, keyStore(s), keyStorePassword(s), Path.of(s.require("outbox.dir")),
                SpimeOptions.trusting(anchors(s, osid)));
    }

    static Path keyStore(CliSettings s) {
        return Path.of(s.require("keystore.path"));
    }

    static char[] keyStorePassword(CliSettings s) {
        return s.require("keystore.password").toCharArray();
    }

    /**
     * The certification gates' keys: this gate's from {@code certification.key}, other gates' (for ScopeNodes and
     * spimes there) from {@code certification.trust-gates = SERVICE=PEM, ...}; none configured trusts no attestation.
     */
    static TrustAnchors anchors(CliSettings s, Jid osid) throws IOException {
        TrustAnchors.Builder anchors = TrustAnchors.builder();
        if (s.get("certification.key").isPresent()) {
            Jid service = Jid.of(s.get("certification.jid").orElse("certification." + osid.domain()));
            trust(anchors, service, Path.of(s.get("certification.key").get()));
        }
        if (s.get("certification.trust-gates").isPresent()) {
            for (String entry : s.get("certification.trust-gates").get().split(",")) {
                TrustedGate gate;
                try {
                    gate = TrustedGate.parse(entry);
                } catch (IllegalArgumentException e) {
                    throw new IOException("certification.trust-gates: " + e.getMessage(), e);
                }
                try {
                    for (java.security.interfaces.RSAPublicKey key : gate.keys()) {
                        anchors.trust(gate.service(), key);
                    }
                } catch (CertificationException e) {
                    throw new IOException(entry.trim() + ": " + e.getMessage(), e);
                }
            }
        }
        return anchors.build();
    }

    private static void trust(TrustAnchors.Builder anchors, Jid service, Path file) throws IOException {
        try {
            for (java.security.interfaces.RSAPublicKey key : PublicKeyFiles.read(file)) {
                anchors.trust(service, key);
            }
        } catch (CertificationException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
