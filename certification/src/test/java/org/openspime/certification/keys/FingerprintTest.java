package org.openspime.certification.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.openspime.certification.TestKeys;

class FingerprintTest {

    @Test
    void isSha256OfTheSubjectPublicKeyInfoAsColonSeparatedUpperCaseHex() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(TestKeys.SPIME.getPublic().getEncoded());
        Fingerprint fingerprint = Fingerprint.of(TestKeys.SPIME.getPublic());

        assertThat(fingerprint.digest()).isEqualTo(expected);
        assertThat(fingerprint.toString()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(fingerprint.toString()).startsWith(String.format("%02X:%02X", expected[0], expected[1]));
    }

    @Test
    void knownVectorOfEmptyInput() {
        assertThat(Fingerprint.ofSubjectPublicKeyInfo(new byte[0])).hasToString(
                "E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55");
    }

    @Test
    void parsesBackItsOwnTextAndLowerCase() {
        Fingerprint fingerprint = Fingerprint.of(TestKeys.SPIME.getPublic());
        assertThat(Fingerprint.parse(fingerprint.toString())).isEqualTo(fingerprint);
        assertThat(Fingerprint.parse(fingerprint.toString().toLowerCase())).isEqualTo(fingerprint).hasSameHashCodeAs(fingerprint);
        assertThat(fingerprint).isNotEqualTo(Fingerprint.of(TestKeys.GATE.getPublic()));
    }

    @Test
    void refusesTextThatIsNotThirtyTwoHexPairs() {
        String good = Fingerprint.of(TestKeys.SPIME.getPublic()).toString();
        assertThatThrownBy(() -> Fingerprint.parse(good.substring(3))).hasMessageContaining("32 colon-separated hex pairs");
        assertThatThrownBy(() -> Fingerprint.parse("G" + good.substring(1))).hasMessageContaining("at pair 1");
        assertThatThrownBy(() -> Fingerprint.parse(good.replace(':', '-'))).hasMessageContaining("at pair 1");
        assertThatThrownBy(() -> Fingerprint.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digestCannotBeChangedFromOutside() {
        Fingerprint fingerprint = Fingerprint.of(TestKeys.SPIME.getPublic());
        fingerprint.digest()[0] ^= 1;
        assertThat(Fingerprint.parse(fingerprint.toString())).isEqualTo(fingerprint);
    }
}
