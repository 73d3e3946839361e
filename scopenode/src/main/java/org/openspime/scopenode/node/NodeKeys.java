package org.openspime.scopenode.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.openspime.certification.CertificationException;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.report.crypto.RecipientKeys;

/**
 * The ScopeNode's RSA key pairs on its data directory: a PKCS#12 {@link LocalKeyStore} ({@code keys/scopenode.p12})
 * whose passphrase is a random secret generated beside it on first use ({@code keys/passphrase}, owner-only).
 *
 * <p>The current key is the one spimes encrypt to; after a rotation the previous one stays in the store, so that
 * transport keys wrapped to it by spimes that had not yet noticed still unwrap ({@link #recipientKeys()} holds
 * both) until the sessions expire. A rotation made by another process (the {@code rotate-key} command while the
 * daemon runs) is picked up by {@link #reloadIfChanged()}.
 */
public final class NodeKeys {

    static final String DIRECTORY = "keys";
    static final String STORE_FILE = "scopenode.p12";
    static final String PASSPHRASE_FILE = "passphrase";

    private final Path file;
    private final char[] passphrase;
    private LocalKeyStore store;
    private FileTime loadedAt;

    private NodeKeys(Path file, char[] passphrase) throws IOException {
        this.file = file;
        this.passphrase = passphrase;
        load();
    }

    /** Opens the key store under {@code dataDir}, generating a {@code bits}-bit key pair if it holds none. */
    public static NodeKeys openOrCreate(Path dataDir, int bits) throws IOException {
        Path dir = dataDir.resolve(DIRECTORY);
        Files.createDirectories(dir);
        NodeKeys keys = new NodeKeys(dir.resolve(STORE_FILE), passphrase(dir.resolve(PASSPHRASE_FILE)));
        keys.ensureCurrent(bits);
        return keys;
    }

    /** Opens an existing key store; fails if the data directory has none (run {@code scopenode init}). */
    public static NodeKeys open(Path dataDir) throws IOException {
        Path dir = dataDir.resolve(DIRECTORY);
        if (!Files.exists(dir.resolve(STORE_FILE))) {
            throw new IOException("no ScopeNode key store in " + dir + " (run `openspime scopenode init`)");
        }
        return new NodeKeys(dir.resolve(STORE_FILE), passphrase(dir.resolve(PASSPHRASE_FILE)));
    }

    private synchronized void ensureCurrent(int bits) throws IOException {
        if (store.current().isEmpty()) {
            try {
                store.put(LocalKeyStore.CURRENT, generate(bits));
            } catch (CertificationException e) {
                throw new IllegalStateException("generated key refused: " + e.getMessage(), e);
            }
            store.save();
            loadedAt = Files.getLastModifiedTime(file);
        }
    }

    /** Makes a fresh key pair current, keeps the old one as previous, and saves; answers the new pair. */
    public synchronized KeyPair rotate(int bits) throws IOException {
        KeyPair next = generate(bits);
        try {
            store.rotate(next);
        } catch (CertificationException e) {
            throw new IllegalStateException("generated key refused: " + e.getMessage(), e);
        }
        store.save();
        loadedAt = Files.getLastModifiedTime(file);
        return next;
    }

    /** Reloads the store if its file changed since it was read (a rotation by another process); true if so. */
    public synchronized boolean reloadIfChanged() throws IOException {
        if (Files.exists(file) && !Files.getLastModifiedTime(file).equals(loadedAt)) {
            load();
            return true;
        }
        return false;
    }

    public synchronized KeyPair current() {
        return store.current().orElseThrow(() -> new IllegalStateException("no current key in " + file));
    }

    public synchronized Optional<KeyPair> previous() {
        return store.previous();
    }

    public Fingerprint fingerprint() {
        return Fingerprint.of(current().getPublic());
    }

    /** The private keys a wrapped transport key may be wrapped to: the current one and the previous one. */
    public synchronized RecipientKeys recipientKeys() {
        List<KeyPair> held = new ArrayList<>();
        held.add(current());
        previous().ifPresent(held::add);
        return RecipientKeys.of(held.toArray(KeyPair[]::new));
    }

    public Path file() {
        return file;
    }

    private void load() throws IOException {
        loadedAt = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        store = LocalKeyStore.open(file, passphrase);
    }

    private static KeyPair generate(int bits) {
        try {
            return RsaKeys.generate(bits);
        } catch (CertificationException e) {
            throw new IllegalArgumentException("cannot generate a " + bits + "-bit key: " + e.getMessage(), e);
        }
    }

    /** The store's passphrase, generated (32 random bytes, base64) and written owner-only on first use. */
    private static char[] passphrase(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            RsaKeys.strongRandom().nextBytes(secret);
            Path temp = Files.createTempFile(file.getParent(), PASSPHRASE_FILE, ".tmp");
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
            Files.move(temp, file);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
    }
}
