package org.openspime.gate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A plain socket that speaks raw XML to a gate, for tests of what a misbehaving client sends: malformed XML,
 * oversized stanzas, restricted XML, a stream closed mid-way.
 */
public final class RawStream implements AutoCloseable {
    public static final String HEADER_FORMAT = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='%s' version='1.0'>";

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    public RawStream(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(200);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    public RawStream openStream(String domain) throws IOException {
        send(String.format(HEADER_FORMAT, domain));
        return this;
    }

    public RawStream send(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    public RawStream send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads until {@code done} holds for all received text, the peer closes, or the timeout passes. */
    public String readUntil(Predicate<String> done, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        while (System.nanoTime() < deadline && !done.test(text())) {
            try {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                received.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                // poll again
            }
        }
        return text();
    }

    public String readUntilContains(String fragment) throws IOException {
        return readUntil(t -> t.contains(fragment), Duration.ofSeconds(10));
    }

    /** True once the gate has closed its side of the connection. */
    public boolean closedByPeer(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        while (System.nanoTime() < deadline) {
            try {
                int n = in.read(buf);
                if (n < 0) {
                    return true;
                }
                received.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                // poll again
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    public String text() {
        return received.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
