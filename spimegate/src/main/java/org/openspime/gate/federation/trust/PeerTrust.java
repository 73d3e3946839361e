package org.openspime.gate.federation.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openspime.gate.config.DomainSettings;

/**
 * Decides whether a certificate chain proves a peer domain: either the leaf's SHA-256 fingerprint is pinned for
 * that domain (a pin for {@code a.example} also covers its subdomains, the components of the same gate), or the chain validates (PKIX, no revocation checking) to one of the configured CA certificates and
 * the leaf names the domain in a DNS subjectAltName (RFC 6125, a wildcard covering one label). A domain with
 * neither a pin nor a CA is not trusted: self-signed peers are accepted only when explicitly pinned.
 */
public final class PeerTrust {
    private final Map<String, byte[]> pins;
    private final Set<TrustAnchor> anchors;

    public PeerTrust(Map<String, String> pinnedFingerprints, List<Path> caFiles) {
        this.pins = pinnedFingerprints.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), e -> parseFingerprint(e.getKey(), e.getValue())));
        this.anchors = new HashSet<>();
        for (Path f : caFiles) {
            for (X509Certificate ca : readCertificates(f)) {
                anchors.add(new TrustAnchor(ca, null));
            }
        }
    }

    /** Thrown when a chain does not prove the domain; the message says why, for the log. */
    public static final class Untrusted extends Exception {
        public Untrusted(String message) {
            super(message);
        }
    }

    /** Returns normally if {@code chain} proves {@code domain}, else throws {@link Untrusted} with the reason. */
    public void check(String domain, X509Certificate[] chain) throws Untrusted {
        if (chain == null || chain.length == 0) {
            throw new Untrusted("peer " + domain + " presented no certificate");
        }
        String d = domain.toLowerCase(Locale.ROOT);
        byte[] pin = DomainSettings.nearest(pins, d).orElse(null);
        String presented = fingerprint(chain[0]);
        if (pin != null) {
            if (Arrays.equals(pin, sha256(chain[0]))) {
                return;
            }
            if (anchors.isEmpty()) {
                throw new Untrusted("peer " + domain + " presented a certificate with SHA-256 fingerprint "
                        + presented + ", which is not the one pinned for it");
            }
        }
        if (anchors.isEmpty()) {
            throw new Untrusted("no certificate is pinned for peer " + domain + " and no CA is configured "
                    + "(--peer-cert " + domain + "=" + presented + " would trust the one it presented)");
        }
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(List.of(chain)), params);
        } catch (GeneralSecurityException e) {
            throw new Untrusted("certificate of peer " + domain + " (SHA-256 " + presented
                    + ") does not validate to a configured CA: " + e.getMessage());
        }
        if (!namesDomain(chain[0], d)) {
            throw new Untrusted("certificate of peer " + domain + " (SHA-256 " + presented
                    + ") is not issued for that domain");
        }
    }

    static boolean namesDomain(X509Certificate cert, String domain) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names == null) {
                return false;
            }
            for (List<?> n : names) {
                if (Integer.valueOf(2).equals(n.get(0))) {
                    String name = String.valueOf(n.get(1)).toLowerCase(Locale.ROOT);
                    if (name.equals(domain) || (name.startsWith("*.") && domain.indexOf('.') > 0
                            && domain.substring(domain.indexOf('.') + 1).equals(name.substring(2)))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** SHA-256 of the DER certificate, colon-separated upper-case hex. */
    public static String fingerprint(X509Certificate cert) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256(cert));
    }

    private static byte[] sha256(X509Certificate cert) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** Accepts {@code AA:BB:...} or plain hex, any case. */
    static byte[] parseFingerprint(String domain, String fingerprint) {
        String hex = fingerprint.replace(":", "").replace(" ", "").trim();
        try {
            byte[] b = HexFormat.of().parseHex(hex);
            if (b.length != 32) {
                throw new IllegalArgumentException("the pinned certificate of " + domain
                        + " must be a SHA-256 fingerprint (32 bytes), got " + b.length + " bytes");
            }
            return b;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the pinned")) {
                throw e;
            }
            throw new IllegalArgumentException("the pinned certificate of " + domain + " is not hex: " + fingerprint);
        }
    }

    private static Collection<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read CA certificates from " + file + ": " + e.getMessage(), e);
        }
    }
}
