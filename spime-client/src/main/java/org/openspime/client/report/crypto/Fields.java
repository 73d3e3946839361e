package org.openspime.client.report.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Length-prefixed concatenation: each field is its byte length as 4 bytes big-endian, then the bytes. The same
 * framing as certification's signed bytes; no field can be shifted into its neighbour.
 */
public final class Fields {

    private final ByteArrayOutputStream out;

    public Fields(int sizeHint) {
        out = new ByteArrayOutputStream(sizeHint);
    }

    public Fields text(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public Fields bytes(byte[] bytes) {
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.write(bytes, 0, n);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
