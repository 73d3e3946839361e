package org.openspime.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal XMPP client login (STARTTLS, SASL PLAIN, bind, session if offered, initial presence) on a plain
 * socket, for the idle-connections scenario: once logged in the connection needs no thread at all, where a
 * Smack connection keeps a reader and a writer thread (20,000 threads for 10,000 clients).
 */
final class RawLogin {
    private static final String HEADER = "<?xml version='1.0'?><stream:stream to='" + GateProcess.DOMAIN
            + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

    private RawLogin() {
    }

    /** Logs account {@code i} in and returns the open TLS socket, idle from then on. */
    static Socket login(int port, SSLContext tls, int i) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 60_000);
            plain.setSoTimeout(60_000);
            send(plain.getOutputStream(), HEADER);
            read(plain.getInputStream(), RawLogin::featuresEnd);
            send(plain.getOutputStream(), "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            String proceed = read(plain.getInputStream(), s -> s.contains("proceed") && s.trim().endsWith(">"));
            if (proceed.contains("failure")) {
                throw new IOException("STARTTLS refused: " + proceed);
            }
            SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, GateProcess.DOMAIN, port, true);
            s.setUseClientMode(true);
            s.startHandshake();
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            send(out, HEADER);
            read(in, RawLogin::featuresEnd);
            String user = "u" + i;
            String plainAuth = Base64.getEncoder().encodeToString(
                    ("\0" + user + "\0" + GateProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
            send(out, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plainAuth + "</auth>");
            String auth = read(in, x -> (x.contains("success") || x.contains("failure")) && x.trim().endsWith(">"));
            if (!auth.contains("success")) {
                throw new IOException("SASL failed: " + auth);
            }
            send(out, HEADER);
            String features = read(in, RawLogin::featuresEnd);
            send(out, "<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>spime"
                    + "</resource></bind></iq>");
            String bound = read(in, x -> x.contains("</iq>") || (x.contains("b1") && x.trim().endsWith("/>")));
            if (bound.contains("type=\"error\"") || bound.contains("type='error'")) {
                throw new IOException("bind failed: " + bound);
            }
            if (features.contains("xmpp-session")) {
                send(out, "<iq type='set' id='s1'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>");
                read(in, x -> x.contains("s1") && x.trim().endsWith(">"));
            }
            send(out, "<presence/>");
            s.setSoTimeout(0);
            return s;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static boolean featuresEnd(String s) {
        return s.contains("</stream:features>") || s.contains("</features>");
    }

    private static void send(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Reads until {@code done} holds for what was read. The server sends nothing unasked during a login, so
     * reading whole chunks never takes bytes that belong to the next step.
     */
    private static String read(InputStream in, Predicate<String> done) throws IOException {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[4096];
        while (true) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("connection closed after: " + sb);
            }
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            String s = sb.toString();
            if (s.contains("stream:error")) {
                throw new IOException("stream error: " + s);
            }
            if (done.test(s)) {
                return s;
            }
        }
    }
}
