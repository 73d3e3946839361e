package org.openspime.gate.sasl;

import java.nio.charset.StandardCharsets;
import org.apache.vysper.xmpp.addressing.Entity;
import java.util.Optional;
import org.openspime.gate.credentials.ScramAlgorithm;
import org.openspime.gate.credentials.ScramCredentials;
import org.openspime.gate.identity.IdentityRegistry;

/**
 * PLAIN (RFC 4616): {@code authzid NUL authcid NUL password}, checked against the account's SCRAM-SHA-256
 * verifier. Offered because many device stacks have nothing else; safe only because it is refused before TLS.
 */
public final class PlainMechanism extends GateSaslMechanism {
    public static final String NAME = "PLAIN";
    private static final ScramCredentials UNKNOWN_ACCOUNT =
            ScramCredentials.derive(ScramAlgorithm.SHA_256, PlainMechanism.class.getName());
    private final IdentityRegistry registry;

    PlainMechanism(SaslAuthenticator authenticator, IdentityRegistry registry) {
        super(authenticator);
        this.registry = registry;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    SaslNegotiation begin(String domain) {
        return new SaslNegotiation() {
            private Entity claimed;

            @Override
            public SaslStep evaluate(byte[] message) {
                if (message == null) {
                    // No initial response: an empty challenge asks for it (RFC 6120 section 6.4.2).
                    return new SaslStep.Challenge(new byte[0]);
                }
                String[] parts = new String(message, StandardCharsets.UTF_8).split("\u0000", -1);
                if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
                    return new SaslStep.Failure(SaslFailure.MALFORMED_REQUEST, null,
                            "PLAIN message is not authzid NUL authcid NUL password");
                }
                claimed = account(parts[1], domain);
                if (claimed == null) {
                    return new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED, null, "unknown user " + parts[1]);
                }
                if (!parts[0].isEmpty() && !claimed.equals(account(parts[0], domain))) {
                    return new SaslStep.Failure(SaslFailure.INVALID_AUTHZID, claimed,
                            "may not act as " + parts[0]);
                }
                Optional<ScramCredentials> stored = registry.credentials(claimed, ScramAlgorithm.SHA_256);
                // An unknown account costs the same key derivation as a known one, so timing does not tell.
                boolean ok = stored.orElse(UNKNOWN_ACCOUNT).verify(parts[2]) && stored.isPresent();
                return ok ? new SaslStep.Success(claimed, null)
                        : new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED, claimed, "wrong password or unknown account");
            }

            @Override
            public Entity claimedAccount() {
                return claimed;
            }
        };
    }
}
