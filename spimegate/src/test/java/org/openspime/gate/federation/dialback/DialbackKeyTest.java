package org.openspime.gate.federation.dialback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Dialback keys as XEP-0220 section 2.4 defines them. */
class DialbackKeyTest {

    /**
     * The expected value was computed outside Java, with the algorithm as XEP-0220 2.4 / XEP-0185 state it:
     * {@code K=$(printf 's3cr3tf0rd14lb4ck' | openssl dgst -sha256 -r | cut -d' ' -f1);
     * printf 'example.net example.com D60000229F' | openssl dgst -sha256 -hmac "$K"}.
     */
    @Test
    void keyIsHmacSha256KeyedWithTheHexDigestOfTheSecret() {
        DialbackKey keys = new DialbackKey("s3cr3tf0rd14lb4ck".getBytes(StandardCharsets.US_ASCII));
        assertThat(keys.generate("example.net", "example.com", "D60000229F"))
                .isEqualTo("008c689ff366b50c63d69a3e2d2c0e0e1f8404b0118eb688a0102c87cb691bdc");
    }

    @Test
    void aKeyVerifiesOnlyForItsOwnDomainsAndStream() {
        DialbackKey keys = new DialbackKey();
        String key = keys.generate("b.test", "a.test", "stream-1");
        assertThat(keys.verify("b.test", "a.test", "stream-1", key)).isTrue();
        assertThat(keys.verify("b.test", "a.test", "stream-2", key)).isFalse();
        assertThat(keys.verify("c.test", "a.test", "stream-1", key)).isFalse();
        assertThat(keys.verify("b.test", "evil.test", "stream-1", key)).isFalse();
        assertThat(new DialbackKey().verify("b.test", "a.test", "stream-1", key)).as("another gate's secret")
                .isFalse();
    }
}
