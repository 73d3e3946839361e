package org.openspime.gate.federation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.testing.TestTls;
import org.openspime.gate.tls.GateCertificate;

/**
 * A malicious peer for tests, written on raw sockets: it owns a domain (and a certificate the victim has pinned
 * for it), passes dialback honestly as that domain (its authoritative side says "valid" to any key, which is its
 * right for its own domain), and then sends stanzas claiming to come from another domain.
 */
final class RogueGate implements AutoCloseable {
    private final String domain;
    private final String address;
    private final GateCertificate certificate;
    private final ServerSocket authoritative;
    private final Thread answering;

    RogueGate(String domain, String address) throws IOException {
        this.domain = domain;
        this.address = address;
        Path dir = Files.createTempDirectory("openspime-rogue");
        certificate = GateCertificate.loadOrCreate(new GateConfig(domain, address, 0, 0, 0, dir, null, null, null,
                null, null, GateConfig.Limits.defaults()));
        authoritative = new ServerSocket();
        authoritative.bind(new InetSocketAddress(address, 0));
        answering = new Thread(this::answerDialbackChecks, "rogue-authoritative");
        answering.setDaemon(true);
        answering.start();
    }

    int authoritativePort() {
        return authoritative.getLocalPort();
    }

    String fingerprint() {
        return certificate.sha256Fingerprint();
    }

    /** The receiving gate's db:verify check: STARTTLS with our certificate, then "valid" for whatever it asks. */
    private void answerDialbackChecks() {
        while (!authoritative.isClosed()) {
            try (Socket plain = authoritative.accept()) {
                Wire w = new Wire(plain.getInputStream());
                w.until("<stream:stream");
                w.until(">");
                send(plain, header(null) + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'>"
                        + "<required/></starttls></stream:features>");
                w.until("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
                send(plain, "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
                SSLSocket tls = (SSLSocket) certificate.serverContext().getSocketFactory()
                        .createSocket(plain, null, plain.getPort(), true);
                tls.setUseClientMode(false);
                tls.startHandshake();
                Wire t = new Wire(tls.getInputStream());
                t.until("<stream:stream");
                t.until(">");
                send(tls, header(null) + "<stream:features><dialback xmlns='urn:xmpp:features:dialback'/>"
                        + "</stream:features>");
                String verify = t.until("</db:verify>");
                send(tls, "<db:verify from='" + attr(verify, "to") + "' to='" + attr(verify, "from") + "' id='"
                        + attr(verify, "id") + "' type='valid'/></stream:stream>");
                t.until("</stream:stream>");
            } catch (IOException e) {
                // closed, or the victim hung up
            }
        }
    }

    /**
     * Connects to the victim as this domain, passes dialback, then sends {@code stanzas} (raw jabber:server XML).
     * Returns what the victim answered to the dialback request.
     */
    String connectAndSend(String victimDomain, String victimAddress, int victimPort,
                          java.security.cert.X509Certificate victimCertificate, String... stanzas) throws IOException {
        try (Socket plain = new Socket(victimAddress, victimPort)) {
            plain.setSoTimeout(10_000);
            Wire w = new Wire(plain.getInputStream());
            send(plain, header(victimDomain));
            w.until("</stream:features>");
            send(plain, "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            w.until("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            SSLContext trustVictim = TestTls.clientContext(victimCertificate);
            SSLSocket tls = (SSLSocket) trustVictim.getSocketFactory().createSocket(plain, victimDomain, victimPort,
                    true);
            tls.startHandshake();
            Wire t = new Wire(tls.getInputStream());
            send(tls, header(victimDomain));
            t.until("</stream:features>");
            send(tls, "<db:result from='" + domain + "' to='" + victimDomain + "'>not-a-real-key</db:result>");
            String answer = t.until("/>");
            for (String s : stanzas) {
                send(tls, s);
            }
            send(tls, "</stream:stream>");
            t.until("</stream:stream>");
            return answer;
        }
    }

    private String header(String to) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/"
                + "streams' xmlns:db='jabber:server:dialback' from='" + domain + "'"
                + (to == null ? " id='rogue-" + System.nanoTime() + "'" : " to='" + to + "'") + " version='1.0'>";
    }

    private static void send(Socket s, String xml) throws IOException {
        s.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    private static String attr(String xml, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=['\"]([^'\"]*)['\"]").matcher(xml);
        return m.find() ? m.group(1) : "";
    }

    @Override
    public void close() throws IOException {
        authoritative.close();
    }

    /** Reads until a fragment has arrived; returns what was read up to and including it, and keeps the rest. */
    private static final class Wire {
        private final InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Wire(InputStream in) {
            this.in = in;
        }

        String until(String fragment) throws IOException {
            while (true) {
                String text = buffer.toString(StandardCharsets.UTF_8);
                int at = text.indexOf(fragment);
                if (at >= 0) {
                    String taken = text.substring(0, at + fragment.length());
                    buffer.reset();
                    buffer.write(text.substring(at + fragment.length()).getBytes(StandardCharsets.UTF_8));
                    return taken;
                }
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed before " + fragment + "; read: " + text);
                }
                buffer.write(b);
            }
        }
    }
}
