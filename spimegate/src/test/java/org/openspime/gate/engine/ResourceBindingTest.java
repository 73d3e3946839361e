package org.openspime.gate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openspime.gate.testing.TestGate;

/** RFC 6120 7: the requested resource is bound, so SpimeIDs are stable; a second login replaces the first. */
class ResourceBindingTest {
    private TestGate gate;

    @BeforeEach
    void start() throws Exception {
        gate = TestGate.start();
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    void requestedResourceIsBound() throws Exception {
        XMPPTCPConnection spime = gate.newClient("4a6b-5638@gate.test/spime");
        assertThat(spime.getUser().toString()).isEqualTo("4a6b-5638@gate.test/spime");
        spime.disconnect();
    }

    @Test
    void sameResourceOnTwoAccountsBindsTwoDistinctFullJids() throws Exception {
        XMPPTCPConnection a = gate.newClient("a@gate.test/spime");
        XMPPTCPConnection b = gate.newClient("b@gate.test/spime");
        assertThat(a.getUser().toString()).isEqualTo("a@gate.test/spime");
        assertThat(b.getUser().toString()).isEqualTo("b@gate.test/spime");
        assertThat(gate.engine().registry().boundCount()).isEqualTo(2);
        a.disconnect();
        b.disconnect();
    }

    @Test
    void secondLoginOnSameFullJidReplacesTheFirst() throws Exception {
        XMPPTCPConnection first = gate.newClient("node@gate.test/co2");
        CountDownLatch closed = new CountDownLatch(1);
        first.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closed.countDown();
            }
        });
        XMPPTCPConnection second = gate.login("node@gate.test/co2", TestGate.PASSWORD);
        assertThat(closed.await(10, TimeUnit.SECONDS)).as("first session ended with a conflict").isTrue();
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getUser().toString()).isEqualTo("node@gate.test/co2");
        second.disconnect();
    }
}
