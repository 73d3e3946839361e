package org.openspime.gate.federation;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.minidns.dnsmessage.DnsMessage;
import org.minidns.dnsmessage.Question;
import org.minidns.record.A;
import org.minidns.record.Data;
import org.minidns.record.Record;
import org.minidns.record.SRV;

/**
 * A DNS responder for tests, over UDP on a loopback address and a port picked at run time: it answers
 * {@code _xmpp-server._tcp.<domain>} SRV queries for the XMPP servers it was given, and A queries for their host
 * names; a known name with another type gets an empty answer, any other name NXDOMAIN. It is a forwarder's
 * upstream (Prosody's libunbound is pointed at it), so it answers every query it gets and recurses for none.
 * Messages are parsed and built with MiniDNS.
 */
final class TestDnsResponder implements AutoCloseable {
    private static final long TTL = 60;

    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<String, List<Record<? extends Data>>> records = new ConcurrentHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();

    /** Starts answering on {@code address} (which must be a loopback address) at a free port. */
    TestDnsResponder(String address) throws IOException {
        InetAddress bind = InetAddress.getByName(address);
        if (!bind.isLoopbackAddress()) {
            throw new IllegalArgumentException("a test DNS responder listens on loopback only, not " + address);
        }
        socket = new DatagramSocket(new InetSocketAddress(bind, 0));
        thread = new Thread(this::serve, "test-dns-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Publishes an XMPP server for {@code domain}: an SRV record {@code _xmpp-server._tcp.<domain>} pointing at
     * {@code host}:{@code port}, and an A record for {@code host}.
     */
    TestDnsResponder xmppServer(String domain, String host, String address, int port) throws IOException {
        InetAddress ip = InetAddress.getByName(address);
        if (!(ip instanceof Inet4Address v4)) {
            throw new IllegalArgumentException("an IPv4 address is expected: " + address);
        }
        String srvName = "_xmpp-server._tcp." + domain;
        records.computeIfAbsent(key(srvName), k -> new CopyOnWriteArrayList<>())
                .add(new Record<>(srvName, Record.TYPE.SRV, Record.CLASS.IN, TTL, new SRV(0, 0, port, host), false));
        records.computeIfAbsent(key(host), k -> new CopyOnWriteArrayList<>())
                .add(new Record<>(host, Record.TYPE.A, Record.CLASS.IN, TTL, new A(v4), false));
        return this;
    }

    /** Where it listens, in libunbound's forwarder syntax {@code address@port}. */
    String forwarder() {
        return socket.getLocalAddress().getHostAddress() + "@" + socket.getLocalPort();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The questions asked so far, as {@code name type}, for a failing test's message. */
    List<String> queries() {
        return List.copyOf(queries);
    }

    private static String key(CharSequence name) {
        String n = name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                continue;
            }
            try {
                byte[] query = java.util.Arrays.copyOfRange(packet.getData(), packet.getOffset(),
                        packet.getOffset() + packet.getLength());
                DnsMessage answer = answer(new DnsMessage(query));
                if (answer != null) {
                    socket.send(answer.asDatagram(packet.getAddress(), packet.getPort()));
                }
            } catch (IOException | RuntimeException malformed) {
                // not a query we understand: no answer, as a server would drop it
            }
        }
    }

    private DnsMessage answer(DnsMessage query) {
        if (query.qr || query.opcode != DnsMessage.OPCODE.QUERY || query.questions.size() != 1) {
            return null;
        }
        Question question = query.getQuestion();
        queries.add(key(question.name) + " " + question.type);
        DnsMessage.Builder response = DnsMessage.builder()
                .setId(query.id)
                .setQrFlag(true)
                .setOpcode(DnsMessage.OPCODE.QUERY)
                .setAuthoritativeAnswer(true)
                .setRecursionDesired(query.recursionDesired)
                .setRecursionAvailable(true)
                .setQuestion(question);
        List<Record<? extends Data>> known = records.get(key(question.name));
        if (known == null) {
            return response.setResponseCode(DnsMessage.RESPONSE_CODE.NX_DOMAIN).build();
        }
        response.setResponseCode(DnsMessage.RESPONSE_CODE.NO_ERROR);
        for (Record<? extends Data> r : known) {
            if (r.type == question.type && question.clazz == Record.CLASS.IN) {
                // the question's spelling of the name, as resolvers that randomise its case expect
                response.addAnswer(new Record<>(question.name, r.type, Record.CLASS.IN, r.ttl, r.payloadData,
                        false));
            }
        }
        return response.build();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5_000);
        if (thread.isAlive()) {
            throw new IllegalStateException(thread.getName() + " did not stop");
        }
    }
}
