package org.openspime.certification.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openspime.certification.KeyTooShortException;
import org.openspime.certification.MalformedKeyException;

/**
 * An entity's own key pairs on its own disk: one PKCS#12 file protected by a passphrase.
 *
 * <p>Keys are kept under aliases. Rotation uses two of them: {@value #CURRENT} signs from now on, and
 * {@value #PREVIOUS} is kept so that what it signed (and what others encrypted to it) during its validity
 * can still be handled while the new key propagates. Other aliases are free for the caller's use.
 *
 * <p>PKCS#12 stores a private key only together with a certificate chain, so each key gets a self-signed
 * placeholder certificate; nobody should trust it — trust comes from the gate's attestation.
 *
 * <p>Changes stay in memory until {@link #save()}, which writes a temporary file beside the target, forces
 * it to disk and moves it over the old file, so a crash leaves either the old or the new store, never a
 * torn one. Methods are synchronized: a store is small and touched rarely, and the lock keeps a save from
 * writing a half-applied rotation.
 */
public final class LocalKeyStore {

    public static final String CURRENT = "current";
    public static final String PREVIOUS = "previous";

    /** The JDK lower-cases PKCS#12 aliases; refusing other forms avoids two aliases silently merging. */
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final char[] passphrase;
    private final KeyStore pkcs12;

    private LocalKeyStore(Path file, char[] passphrase, KeyStore pkcs12) {
        this.file = file;
        this.passphrase = passphrase;
        this.pkcs12 = pkcs12;
    }

    /**
     * Opens the store at {@code file}: loads it if it exists, starts an empty one otherwise (nothing is
     * written until {@link #save()}). The passphrase is copied; the caller may wipe its array.
     *
     * @throws IOException if the file cannot be read, or the passphrase is wrong, or the file is not PKCS#12
     */
    public static LocalKeyStore open(Path file, char[] passphrase) throws IOException {
        char[] copy = passphrase.clone();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try {
                    store.load(new ByteArrayInputStream(Files.readAllBytes(file)), copy);
                } catch (IOException | GeneralSecurityException e) {
                    throw new IOException("cannot open key store " + file + ": wrong passphrase or not a PKCS#12 file", e);
                }
            } else {
                store.load(null, null);
            }
            return new LocalKeyStore(file, copy, store);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKCS#12 is unavailable on this platform", e);
        }
    }

    /** Keeps {@code pair} under {@code alias}, replacing what was there. Keys under 2048 bits are refused. */
    public synchronized void put(String alias, KeyPair pair) throws KeyTooShortException, MalformedKeyException {
        requireAlias(alias);
        RsaKeys.requireAcceptable(pair.getPublic());
        try {
            pkcs12.setKeyEntry(alias, pair.getPrivate(), passphrase, new Certificate[] {placeholderCertificate(pair)});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot keep key under alias " + alias, e);
        }
    }

    /** The key pair under {@code alias}, if any. */
    public synchronized Optional<KeyPair> get(String alias) {
        requireAlias(alias);
        try {
            if (!pkcs12.isKeyEntry(alias)) {
                return Optional.empty();
            }
            PrivateKey privateKey = (PrivateKey) pkcs12.getKey(alias, passphrase);
            return Optional.of(new KeyPair(pkcs12.getCertificate(alias).getPublicKey(), privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read key under alias " + alias, e);
        }
    }

    public Optional<KeyPair> current() {
        return get(CURRENT);
    }

    public Optional<KeyPair> previous() {
        return get(PREVIOUS);
    }

    /**
     * Makes {@code next} the current key and the current one the previous key; the former previous key is
     * dropped (its validity should be over by the time a second rotation happens).
     */
    public synchronized void rotate(KeyPair next) throws KeyTooShortException, MalformedKeyException {
        RsaKeys.requireAcceptable(next.getPublic());
        Optional<KeyPair> old = current();
        if (old.isPresent()) {
            put(PREVIOUS, old.get());
        }
        put(CURRENT, next);
    }

    /** Forgets the key under {@code alias}; true if there was one. */
    public synchronized boolean remove(String alias) {
        requireAlias(alias);
        try {
            boolean present = pkcs12.containsAlias(alias);
            if (present) {
                pkcs12.deleteEntry(alias);
            }
            return present;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized Set<String> aliases() {
        try {
            return Collections.unmodifiableSet(new TreeSet<>(Collections.list(pkcs12.aliases())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the store atomically (temporary file, fsync, move), readable by the owner only where POSIX. */
    public synchronized void save() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            pkcs12.store(bytes, passphrase);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode PKCS#12", e);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, OWNER_ONLY);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public Path file() {
        return file;
    }

    private static void requireAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("alias must be 1-64 of a-z 0-9 . _ - starting with a letter or digit: " + alias);
        }
    }

    private static X509Certificate placeholderCertificate(KeyPair pair) throws GeneralSecurityException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X500Name name = new X500Name("CN=OpenSpime local key " + Fingerprint.of(pair.getPublic()).toString().substring(0, 11).replace(':', '-'));
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.getEpochSecond()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(36500, ChronoUnit.DAYS)), name, pair.getPublic());
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign placeholder certificate", e);
        }
    }
}
