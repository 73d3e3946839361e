package org.openspime.certification.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.KeyTooShortException;
import org.openspime.certification.TestKeys;

class LocalKeyStoreTest {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    @Test
    void keyPairSurvivesSaveAndReopenAndStillSigns() throws Exception {
        Path file = dir.resolve("keys.p12");
        LocalKeyStore store = LocalKeyStore.open(file, PASSPHRASE);
        store.put(LocalKeyStore.CURRENT, TestKeys.SPIME);
        store.save();

        KeyPair loaded = LocalKeyStore.open(file, PASSPHRASE).current().orElseThrow();

        assertThat(loaded.getPublic()).isEqualTo(TestKeys.SPIME.getPublic());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(loaded.getPrivate());
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(TestKeys.SPIME.getPublic());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void rotationKeepsThePreviousKey() throws Exception {
        LocalKeyStore store = LocalKeyStore.open(dir.resolve("keys.p12"), PASSPHRASE);
        store.rotate(TestKeys.SPIME);
        assertThat(store.previous()).isEmpty();

        store.rotate(TestKeys.SPIME_NEXT);
        store.save();
        LocalKeyStore reopened = LocalKeyStore.open(store.file(), PASSPHRASE);

        assertThat(reopened.current().orElseThrow().getPublic()).isEqualTo(TestKeys.SPIME_NEXT.getPublic());
        assertThat(reopened.previous().orElseThrow().getPublic()).isEqualTo(TestKeys.SPIME.getPublic());
        assertThat(reopened.aliases()).containsExactly(LocalKeyStore.CURRENT, LocalKeyStore.PREVIOUS);
    }

    @Test
    void refusesKeysShorterThanTwoThousandFortyEightBits() throws Exception {
        LocalKeyStore store = LocalKeyStore.open(dir.resolve("keys.p12"), PASSPHRASE);
        assertThatThrownBy(() -> store.put("weak", TestKeys.SHORT)).isInstanceOf(KeyTooShortException.class);
        assertThatThrownBy(() -> store.rotate(TestKeys.SHORT)).isInstanceOf(KeyTooShortException.class);
        assertThat(store.aliases()).isEmpty();
    }

    @Test
    void wrongPassphraseIsRefusedClearly() throws Exception {
        Path file = dir.resolve("keys.p12");
        LocalKeyStore store = LocalKeyStore.open(file, PASSPHRASE);
        store.put(LocalKeyStore.CURRENT, TestKeys.SPIME);
        store.save();

        assertThatThrownBy(() -> LocalKeyStore.open(file, "guess".toCharArray()))
                .isInstanceOf(IOException.class).hasMessageContaining("wrong passphrase");
    }

    @Test
    void savingReplacesTheFileAtomicallyLeavingNoTemporaryFilesAndOwnerOnlyPermissions() throws Exception {
        Path file = dir.resolve("keys.p12");
        LocalKeyStore store = LocalKeyStore.open(file, PASSPHRASE);
        store.put(LocalKeyStore.CURRENT, TestKeys.SPIME);
        store.save();
        store.put("spare", TestKeys.SCOPENODE);
        store.save();

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(LocalKeyStore.open(file, PASSPHRASE).aliases()).containsExactly(LocalKeyStore.CURRENT, "spare");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void unsavedChangesAreNotOnDiskAndRemovedKeysAreGone() throws Exception {
        Path file = dir.resolve("keys.p12");
        LocalKeyStore store = LocalKeyStore.open(file, PASSPHRASE);
        store.put("a", TestKeys.SPIME);
        assertThat(file).doesNotExist();
        assertThat(store.remove("a")).isTrue();
        assertThat(store.remove("a")).isFalse();
        assertThat(store.get("a")).isEmpty();
    }

    @Test
    void aliasesThatPkcs12WouldFoldAreRefused() throws Exception {
        LocalKeyStore store = LocalKeyStore.open(dir.resolve("keys.p12"), PASSPHRASE);
        assertThatThrownBy(() -> store.put("Current", TestKeys.SPIME)).isInstanceOf(IllegalArgumentException.class);
    }
}
