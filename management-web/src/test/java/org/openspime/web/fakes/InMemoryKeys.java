package org.openspime.web.fakes;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.key.CertifiedKeyPair;
import org.openspime.web.key.KeyAdministration;
import org.openspime.web.key.KeyState;
import org.openspime.web.key.KeyView;

/** Published keys per JID, as the certification service would list them. */
public final class InMemoryKeys implements KeyAdministration {

    private final Map<String, List<KeyView>> keys = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryKeys(Clock clock) {
        this.clock = clock;
    }

    public void publish(KeyView key) {
        keys.computeIfAbsent(key.jid(), j -> new CopyOnWriteArrayList<>()).add(0, key);
    }

    @Override
    public List<KeyView> keysOf(String jid) {
        return List.copyOf(keys.getOrDefault(jid, List.of()));
    }

    @Override
    public void revoke(String jid, String fingerprint, String reason) {
        List<KeyView> list = keys.getOrDefault(jid, List.of());
        for (int i = 0; i < list.size(); i++) {
            KeyView k = list.get(i);
            if (k.fingerprint().equals(fingerprint)) {
                list.set(i, new KeyView(k.jid(), k.fingerprint(), k.algorithm(), k.bits(), k.published(), k.notBefore(),
                        k.notAfter(), k.attestedBy(), KeyState.REVOKED,
                        Optional.of(new KeyView.Revocation(clock.instant(), reason))));
                return;
            }
        }
        throw new IdentityRefused(IdentityRefused.Reason.NOT_FOUND, jid + " has no key " + fingerprint + ".");
    }

    /** Publishes the public key for a year, attested by the fixture's domain, with a self-signed certificate. */
    @Override
    public CertifiedKeyPair certify(String jid, KeyPair pair) {
        try {
            String fingerprint = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded()));
            KeyView view = new KeyView(jid, fingerprint, "RSA",
                    ((java.security.interfaces.RSAPublicKey) pair.getPublic()).getModulus().bitLength(), clock.instant(),
                    clock.instant(), clock.instant().plus(Duration.ofDays(365)), Optional.of("gate.example"),
                    KeyState.VALID, Optional.empty());
            publish(view);
            X500Name name = new X500Name("CN=" + jid.replace(",", "\\,"));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    name, BigInteger.ONE, Date.from(view.notBefore()), Date.from(view.notAfter()), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new CertifiedKeyPair(view, List.of(cert));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
