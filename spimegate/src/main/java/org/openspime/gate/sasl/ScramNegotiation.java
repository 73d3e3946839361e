package org.openspime.gate.sasl;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.apache.vysper.xmpp.addressing.Entity;
import org.openspime.gate.credentials.ScramAlgorithm;
import org.openspime.gate.credentials.ScramCredentials;
import org.openspime.gate.identity.IdentityRegistry;

/**
 * The server side of one SCRAM exchange (RFC 5802 section 5):
 * <pre>
 * C: n,,n=user,r=cnonce                                  client-first (gs2 header + client-first-bare)
 * S: r=cnonce+snonce,s=salt,i=4096                       server-first
 * C: c=biws,r=cnonce+snonce,p=proof                      client-final
 * S: v=signature                                         server-final, sent inside &lt;success/&gt;
 * </pre>
 * Channel binding is not offered (no -PLUS mechanisms), so a client flag {@code p=} is refused, while {@code y}
 * ("I could bind but you did not offer it") is accepted, as RFC 5802 section 6 prescribes for such a server.
 *
 * <p>An unknown account gets a believable server-first message (a salt derived from the name) and fails only at
 * the proof, so the exchange does not reveal which accounts exist.
 */
final class ScramNegotiation implements SaslNegotiation {
    private static final int NONCE_BYTES = 24;

    private final ScramAlgorithm algorithm;
    private final IdentityRegistry registry;
    private final String domain;
    private final byte[] decoySecret;
    private final SecureRandom random;

    private Entity claimed;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private ScramCredentials credentials;
    private boolean finished;

    ScramNegotiation(ScramAlgorithm algorithm, IdentityRegistry registry, String domain, byte[] decoySecret,
                     SecureRandom random) {
        this.algorithm = algorithm;
        this.registry = registry;
        this.domain = domain;
        this.decoySecret = decoySecret;
        this.random = random;
    }

    @Override
    public Entity claimedAccount() {
        return claimed;
    }

    @Override
    public SaslStep evaluate(byte[] message) {
        if (finished) {
            return fail(SaslFailure.MALFORMED_REQUEST, "exchange already finished");
        }
        if (serverFirst == null) {
            if (message == null) {
                return new SaslStep.Challenge(new byte[0]);
            }
            return clientFirst(new String(message, StandardCharsets.UTF_8));
        }
        finished = true;
        return clientFinal(message == null ? "" : new String(message, StandardCharsets.UTF_8));
    }

    private SaslStep clientFirst(String message) {
        // gs2-header = gs2-cbind-flag "," [ authzid ] ","
        int first = message.indexOf(',');
        int second = first < 0 ? -1 : message.indexOf(',', first + 1);
        if (second < 0) {
            return fail(SaslFailure.MALFORMED_REQUEST, "client-first message lacks the gs2 header");
        }
        String flag = message.substring(0, first);
        String authzid = message.substring(first + 1, second);
        if (flag.startsWith("p=")) {
            return fail(SaslFailure.MALFORMED_REQUEST, "channel binding is not supported; use the mechanism without it");
        }
        if (!flag.equals("n") && !flag.equals("y")) {
            return fail(SaslFailure.MALFORMED_REQUEST, "unknown channel binding flag '" + flag + "'");
        }
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);
        String[] attrs = clientFirstBare.split(",", -1);
        if (attrs.length < 2 || !attrs[0].startsWith("n=") || !attrs[1].startsWith("r=")) {
            return fail(SaslFailure.MALFORMED_REQUEST, attrs.length > 0 && attrs[0].startsWith("m=")
                    ? "mandatory extensions are not supported" : "client-first message wants n=user,r=nonce");
        }
        String username = decodeName(attrs[0].substring(2));
        String clientNonce = attrs[1].substring(2);
        if (username == null || username.isEmpty()) {
            return fail(SaslFailure.MALFORMED_REQUEST, "bad username encoding");
        }
        if (clientNonce.isEmpty() || !clientNonce.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ',')) {
            return fail(SaslFailure.MALFORMED_REQUEST, "client nonce must be printable ASCII");
        }
        claimed = GateSaslMechanism.account(username, domain);
        if (claimed == null) {
            return fail(SaslFailure.NOT_AUTHORIZED, "unknown user " + username);
        }
        if (!authzid.isEmpty()) {
            Entity asked = authzid.startsWith("a=") ? GateSaslMechanism.account(decodeName(authzid.substring(2)),
                    domain) : null;
            if (!claimed.equals(asked)) {
                return fail(SaslFailure.INVALID_AUTHZID, "may not act as " + authzid);
            }
        }
        Optional<ScramCredentials> stored = registry.credentials(claimed, algorithm);
        credentials = stored.orElse(null);
        byte[] salt = stored.map(ScramCredentials::salt).orElseGet(this::decoySalt);
        int iterations = stored.map(ScramCredentials::iterations).orElse(ScramCredentials.DEFAULT_ITERATIONS);
        byte[] serverNonce = new byte[NONCE_BYTES];
        random.nextBytes(serverNonce);
        nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
        return new SaslStep.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep clientFinal(String message) {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            return fail(SaslFailure.MALFORMED_REQUEST, "client-final message lacks the proof");
        }
        String withoutProof = message.substring(0, proofAt);
        String[] attrs = withoutProof.split(",", -1);
        if (attrs.length < 2 || !attrs[0].startsWith("c=") || !attrs[1].startsWith("r=")) {
            return fail(SaslFailure.MALFORMED_REQUEST, "client-final message wants c=...,r=...,p=...");
        }
        String expectedBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!attrs[0].substring(2).equals(expectedBinding)) {
            return fail(SaslFailure.NOT_AUTHORIZED, "channel binding data does not match the gs2 header");
        }
        if (!attrs[1].substring(2).equals(nonce)) {
            return fail(SaslFailure.NOT_AUTHORIZED, "nonce does not match");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            return fail(SaslFailure.MALFORMED_REQUEST, "proof is not base64");
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        if (credentials == null || !credentials.verifyProof(authMessage, proof)) {
            return fail(SaslFailure.NOT_AUTHORIZED, "wrong password or unknown account");
        }
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(credentials.serverSignature(authMessage));
        return new SaslStep.Success(claimed, serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep fail(SaslFailure condition, String reason) {
        finished = true;
        return new SaslStep.Failure(condition, claimed, reason);
    }

    /** saslname: '=2C' is ',' and '=3D' is '='; any other '=' is an encoding error (null). */
    private static String decodeName(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (s.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else if (s.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else {
                return null;
            }
        }
        return out.toString();
    }

    private byte[] decoySalt() {
        byte[] mac = algorithm.hmac(decoySecret, claimed.getFullQualifiedName().getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(mac, 16);
    }
}
