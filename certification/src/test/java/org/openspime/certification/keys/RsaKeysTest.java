package org.openspime.certification.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openspime.certification.KeyTooShortException;
import org.openspime.certification.MalformedKeyException;
import org.openspime.certification.TestKeys;

class RsaKeysTest {

    @Test
    void generatesThreeThousandSeventyTwoBitsByDefaultWithExponentF4() {
        KeyPair pair = RsaKeys.generate();
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        assertThat(RsaKeys.bits(key)).isEqualTo(3072);
        assertThat(key.getPublicExponent().intValue()).isEqualTo(65537);
    }

    @Test
    void refusesToGenerateBelowTwoThousandFortyEightBits() {
        assertThatThrownBy(() -> RsaKeys.generate(1024))
                .isInstanceOf(KeyTooShortException.class)
                .hasMessageContaining("1024 bits");
    }

    @Test
    void strongRandomDoesNotBlock() {
        byte[] bytes = new byte[64];
        RsaKeys.strongRandom().nextBytes(bytes);
        assertThat(bytes).isNotEqualTo(new byte[64]);
    }

    @Test
    void acceptsTwoThousandFortyEightBitKeysAndRefusesShortOrNonRsaOnes() throws Exception {
        assertThat(RsaKeys.requireAcceptable(TestKeys.SPIME.getPublic())).isSameAs(TestKeys.SPIME.getPublic());
        assertThatThrownBy(() -> RsaKeys.requireAcceptable(TestKeys.SHORT.getPublic()))
                .isInstanceOfSatisfying(KeyTooShortException.class, e -> assertThat(e.bits()).isEqualTo(1024));
        assertThatThrownBy(() -> RsaKeys.requireAcceptable(TestKeys.ec().getPublic()))
                .isInstanceOf(MalformedKeyException.class).hasMessageContaining("EC, not RSA");
    }

    @Test
    void decodesASubjectPublicKeyInfo() throws Exception {
        assertThat(RsaKeys.decode(TestKeys.SPIME.getPublic().getEncoded())).isEqualTo(TestKeys.SPIME.getPublic());
    }

    @Test
    void decodingNamesWhatIsWrong() {
        byte[] der = TestKeys.SPIME.getPublic().getEncoded();
        assertThatThrownBy(() -> RsaKeys.decode(Arrays.copyOf(der, der.length - 10)))
                .isInstanceOf(MalformedKeyException.class).hasMessageContaining("truncated or corrupt");
        assertThatThrownBy(() -> RsaKeys.decode(TestKeys.ec().getPublic().getEncoded()))
                .isInstanceOf(MalformedKeyException.class).hasMessageContaining("1.2.840.10045.2.1 is not RSA");
        assertThatThrownBy(() -> RsaKeys.decode(new byte[0])).isInstanceOf(MalformedKeyException.class);
    }
}
