package org.openspime.gate.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Enumeration;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openspime.gate.config.GateConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key and certificate the gate presents on TLS. An operator may configure a PKCS#12 keystore (typically
 * from a public CA); otherwise the first start generates a self-signed ECDSA P-256 certificate for the gate's
 * domain and keeps it in {@code <dataDir>/tls/gate.p12}, its random password beside it, both readable by the
 * owner only. Later starts, and {@code openspime admin certificate}, reuse it, so the fingerprint clients pin
 * stays the same.
 *
 * <p>Why ECDSA P-256 rather than RSA: the gate signs once per TLS handshake, and a burst of logins is mostly
 * handshakes. A P-256 signature costs a fraction of an RSA-3072 one (about 4 ms on this hardware) at a
 * comparable strength (128-bit), and every TLS 1.2 client of the last decade accepts it.
 */
public final class GateCertificate {
    private static final Logger log = LoggerFactory.getLogger(GateCertificate.class);
    static final String ALIAS = "gate";
    private static final Duration VALIDITY = Duration.ofDays(730);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyStore keyStore;
    private final char[] password;
    private final String alias;
    private final X509Certificate certificate;

    private GateCertificate(KeyStore keyStore, char[] password, String alias, X509Certificate certificate) {
        this.keyStore = keyStore;
        this.password = password;
        this.alias = alias;
        this.certificate = certificate;
    }

    /** The configured keystore, else the generated one under the data directory, generating it if needed. */
    public static GateCertificate loadOrCreate(GateConfig config) {
        if (config.keystore() != null) {
            if (config.keystorePassword() == null) {
                throw new IllegalArgumentException("keystore " + config.keystore() + " needs keystore-password");
            }
            return load(config.keystore(), config.keystorePassword().toCharArray());
        }
        Path dir = config.dataDir().resolve("tls");
        Path store = dir.resolve("gate.p12");
        Path passwordFile = dir.resolve("gate.p12.password");
        if (Files.exists(store)) {
            try {
                return load(store, Files.readString(passwordFile, StandardCharsets.UTF_8).trim().toCharArray());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + passwordFile + ": " + e.getMessage(), e);
            }
        }
        return generate(config.domain(), dir, store, passwordFile);
    }

    static GateCertificate load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            Enumeration<String> aliases = ks.aliases();
            while (aliases.hasMoreElements()) {
                String alias = aliases.nextElement();
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate cert) {
                    return new GateCertificate(ks, password, alias, cert);
                }
            }
            throw new IllegalArgumentException("keystore " + file + " holds no private key with a certificate");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open keystore " + file + ": " + e.getMessage(), e);
        }
    }

    private static GateCertificate generate(String domain, Path dir, Path store, Path passwordFile) {
        try {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X509Certificate cert = selfSigned(domain, pair);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24)).toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {cert});
            // Written under temporary names and moved into place, so a crash never leaves a keystore without
            // its password file; the password file lands first, since the keystore's presence means "generated".
            Path tmpPassword = Files.createTempFile(dir, "gate", ".password.tmp");
            restrict(tmpPassword, "rw-------");
            Files.writeString(tmpPassword, new String(password) + "\n", StandardCharsets.UTF_8);
            Path tmpStore = Files.createTempFile(dir, "gate", ".p12.tmp");
            restrict(tmpStore, "rw-------");
            try (OutputStream out = Files.newOutputStream(tmpStore)) {
                ks.store(out, password);
            }
            Files.move(tmpPassword, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(tmpStore, store, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                // Another process (gate or admin) generated it at the same moment: theirs wins.
                Files.deleteIfExists(tmpStore);
                return load(store, Files.readString(passwordFile, StandardCharsets.UTF_8).trim().toCharArray());
            }
            GateCertificate created = new GateCertificate(ks, password, ALIAS, cert);
            log.info("generated a self-signed certificate for {} in {}, SHA-256 fingerprint {}", domain, store,
                    created.sha256Fingerprint());
            return created;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the gate certificate in " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    private static X509Certificate selfSigned(String domain, KeyPair pair)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, domain)
                .addRDN(BCStyle.O, "OpenSpime SpimeGate").build();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, domain)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        PrivateKey key = pair.getPrivate();
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("cannot restrict permissions of {} on this file system", path);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the DER certificate as colon-separated upper-case hex, the form clients pin. */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }

    /** The certificate in PEM, to hand to clients that want the whole certificate rather than a pin. */
    public String pem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }

    /** A server-side context with this key; protocol limits are set per engine by the endpoint. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, RANDOM);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    public KeyStore keyStore() {
        return keyStore;
    }

    public char[] password() {
        return password.clone();
    }

    /** The alias of the key entry in {@link #keyStore()}. */
    public String alias() {
        return alias;
    }
}
