package org.openspime.gate.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.openspime.gate.testing.TestGate;

/** The operations endpoints on a real gate's HTTP port, as a load balancer and Prometheus see them. */
class GateHttpPortTest {

    @Test
    void readyWhileTheDatabaseAnswersAndTheC2sListenerIsBoundNotAfterTheListenerStops() throws Exception {
        try (TestGate gate = TestGate.start()) {
            OperatorClient probe = new OperatorClient(gate.http("/"));
            assertThat(gate.gate().httpPort()).isPositive().isNotEqualTo(gate.port());
            HttpResponse<String> live = probe.get("/health/live");
            assertThat(live.statusCode()).isEqualTo(200);

            HttpResponse<String> ready = probe.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(OperatorClient.json(ready).toString())
                    .contains("\"database\"").contains("\"c2s\"").contains("listening on port " + gate.port());

            gate.engine().stop();
            HttpResponse<String> stopped = probe.get("/health/ready");
            assertThat(stopped.statusCode()).isEqualTo(503);
            assertThat(stopped.body()).contains("the c2s listener is not bound");
        }
    }

    @Test
    void metricsShowGateConnectionsLoginsAndJvmAfterALogin() throws Exception {
        try (TestGate gate = TestGate.start()) {
            XMPPTCPConnection device = gate.newClient("meter-1@gate.test/spime");
            try {
                HttpResponse<String> metrics = new OperatorClient(gate.http("/")).get("/metrics");
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                        t -> assertThat(t).startsWith("text/plain"));
                assertThat(metrics.body())
                        .contains("openspime_gate_connections 1.0")
                        .contains("openspime_gate_bound_entities 1.0")
                        .containsPattern("openspime_gate_logins_total\\{outcome=\"ok\"\\} 1.0")
                        .contains("jvm_memory_used_bytes")
                        .contains("jvm_threads_live_threads");
            } finally {
                device.disconnect();
            }
        }
    }

    @Test
    void httpsServesTheConsoleWithTheGateCertificateAndSecureCookies() throws Exception {
        try (TestGate gate = TestGate.startWithHttps()) {
            assertThat(gate.http("/").getScheme()).isEqualTo("https");
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new PinnedCertificate(gate.trust())}, null);
            OperatorClient operator = new OperatorClient(gate.http("/"), tls);

            HttpResponse<String> ready = operator.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.headers().firstValue("Strict-Transport-Security")).isPresent();
            HttpResponse<String> signedIn = operator.signIn("admin", gate.adminPassword());
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().allValues("Set-Cookie"))
                    .anySatisfy(c -> assertThat(c).contains("Secure").contains("HttpOnly"));
        }
    }

    /**
     * Trusts exactly the gate's certificate, whatever host name it is reached by: the certificate names the XMPP
     * domain ({@code gate.test}) while the test reaches the console at 127.0.0.1. Operators pin the logged
     * fingerprint the same way.
     */
    private static final class PinnedCertificate extends X509ExtendedTrustManager {
        private final X509TrustManager gate;

        PinnedCertificate(X509TrustManager gate) {
            this.gate = gate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            gate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            gate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            gate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return gate.getAcceptedIssuers();
        }
    }
}
