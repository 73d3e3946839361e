package org.openspime.gate.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.CertificationKey;

/** The gate's certification key is made once, kept in the key directory with an owner-only passphrase file. */
class GateCertificationKeyTest {
    static final Jid SERVICE = Jid.of("certification.gate.test");

    @TempDir
    Path dir;

    @Test
    void firstStartMakesTheKeyAndLaterStartsLoadTheSameOne() throws Exception {
        Path keys = dir.resolve("certification");
        CertificationKey first = GateCertificationKey.loadOrCreate(keys, SERVICE);
        CertificationKey again = GateCertificationKey.loadOrCreate(keys, SERVICE);
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(first.jid()).isEqualTo(SERVICE);
        assertThat(Files.exists(keys.resolve(GateCertificationKey.STORE_FILE))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(GateCertificationKey.PASSPHRASE_FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
    }

    @Test
    void aStoreWithoutItsPassphraseFileIsRefusedWithAClearMessage() throws Exception {
        Path keys = dir.resolve("certification");
        GateCertificationKey.loadOrCreate(keys, SERVICE);
        Files.delete(keys.resolve(GateCertificationKey.PASSPHRASE_FILE));
        assertThatThrownBy(() -> GateCertificationKey.loadOrCreate(keys, SERVICE))
                .isInstanceOf(IOException.class).hasMessageContaining("passphrase file").hasMessageContaining("is missing");
    }
}
