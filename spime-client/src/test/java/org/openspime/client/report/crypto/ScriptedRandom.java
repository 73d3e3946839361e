package org.openspime.client.report.crypto;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

/** Hands out the given byte strings in order, one per {@code nextBytes} call of the same length: for test vectors only. */
final class ScriptedRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;
    private final transient Deque<byte[]> script = new ArrayDeque<>();

    ScriptedRandom(byte[]... values) {
        for (byte[] v : values) {
            script.add(v);
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = script.poll();
        if (next == null || next.length != bytes.length) {
            throw new IllegalStateException("script expected a request of " + (next == null ? "nothing" : next.length + " bytes")
                    + ", got " + bytes.length);
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }
}
