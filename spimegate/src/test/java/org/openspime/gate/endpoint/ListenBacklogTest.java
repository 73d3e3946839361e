package org.openspime.gate.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openspime.gate.testing.RawStream;
import org.openspime.gate.testing.TestGate;

/**
 * A burst of 1,000 connections arriving at once is accepted and each gets its stream features: MINA's default
 * listen backlog of 50 overflowed under such a burst (notes, item 10).
 */
class ListenBacklogTest {

    @Test
    void burstOfThousandConnectionsIsAcceptedAndServed() throws Exception {
        try (TestGate gate = TestGate.start()) {
            int clients = 1_000;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(200);
            List<Future<Boolean>> results = new ArrayList<>();
            List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
            try {
                for (int i = 0; i < clients; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        Socket s = new Socket();
                        sockets.add(s);
                        s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), gate.port()),
                                10_000);
                        s.setSoTimeout(30_000);
                        return featuresReceived(s);
                    }));
                }
                go.countDown();
                int ok = 0;
                for (Future<Boolean> f : results) {
                    if (f.get(60, TimeUnit.SECONDS)) {
                        ok++;
                    }
                }
                assertThat(ok).isEqualTo(clients);
            } finally {
                pool.shutdownNow();
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    private static boolean featuresReceived(Socket s) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(String.format(RawStream.HEADER_FORMAT, TestGate.DOMAIN).getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder text = new StringBuilder();
        byte[] buf = new byte[4096];
        while (!text.toString().contains("</stream:features>")) {
            int n = in.read(buf);
            if (n < 0) {
                return false;
            }
            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return true;
    }
}
