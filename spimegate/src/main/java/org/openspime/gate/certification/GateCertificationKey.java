package org.openspime.gate.certification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.CertificationKey;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.certification.keys.RsaKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's own certification key pair: generated on first start, then loaded from the key directory.
 *
 * <p>Two files: {@value #STORE_FILE} (PKCS#12, the key under alias {@code current}) and {@value #PASSPHRASE_FILE}
 * (a random passphrase, created owner-read/write only). The passphrase sits next to the store on purpose: the
 * daemon must start unattended, so the protection is the file permissions of the directory; the PKCS#12
 * encryption only keeps the key out of casual copies (backups of the store alone). An operator who wants more
 * keeps the directory on an encrypted volume.
 */
public final class GateCertificationKey {
    private static final Logger log = LoggerFactory.getLogger(GateCertificationKey.class);

    static final String STORE_FILE = "gate-certification.p12";
    static final String PASSPHRASE_FILE = "gate-certification.passphrase";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private GateCertificationKey() {
    }

    /**
     * The key the service at {@code jid} signs with, from {@code directory}; made (key and passphrase) if absent.
     *
     * @throws IOException if the files exist but cannot be read, or the store is there without its passphrase
     */
    public static CertificationKey loadOrCreate(Path directory, Jid jid) throws IOException {
        Path store = directory.resolve(STORE_FILE);
        Path passphraseFile = directory.resolve(PASSPHRASE_FILE);
        if (Files.exists(store) && !Files.exists(passphraseFile)) {
            throw new IOException("the gate's certification key store " + store + " exists but its passphrase file "
                    + passphraseFile + " is missing; restore it, or move the store away to make a new key");
        }
        createPrivateDirectory(directory);
        char[] passphrase = Files.exists(passphraseFile) ? readPassphrase(passphraseFile) : createPassphrase(passphraseFile);
        LocalKeyStore keys = LocalKeyStore.open(store, passphrase);
        Optional<KeyPair> current = keys.current();
        KeyPair pair;
        try {
            if (current.isPresent()) {
                pair = current.get();
            } else {
                pair = RsaKeys.generate();
                keys.put(LocalKeyStore.CURRENT, pair);
                keys.save();
                log.info("certification: generated the gate's certification key {} for {} in {}",
                        Fingerprint.of(pair.getPublic()), jid, store);
            }
            return new CertificationKey(jid, pair);
        } catch (CertificationException e) {
            throw new IOException("the gate's certification key in " + store + " is unusable: " + e.getMessage(), e);
        }
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory);
        if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIR);
        }
    }

    private static char[] readPassphrase(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY_FILE.containsAll(perms)) {
                log.warn("certification: passphrase file {} is readable by others ({}); it should be 0600",
                        file, PosixFilePermissions.toString(perms));
            }
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new IOException("passphrase file " + file + " is empty");
        }
        return text.toCharArray();
    }

    private static char[] createPassphrase(Path file) throws IOException {
        byte[] random = new byte[32];
        RsaKeys.strongRandom().nextBytes(random);
        String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            // Created with its final permissions, so the passphrase is never readable by others, not even briefly.
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return readPassphrase(file);
        }
        Files.writeString(file, passphrase + "\n", StandardCharsets.UTF_8);
        return passphrase.toCharArray();
    }
}
