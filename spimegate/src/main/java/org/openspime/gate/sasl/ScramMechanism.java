package org.openspime.gate.sasl;

import java.security.SecureRandom;
import org.openspime.gate.credentials.ScramAlgorithm;
import org.openspime.gate.identity.IdentityRegistry;

/** SCRAM-SHA-1 or SCRAM-SHA-256 (RFC 5802, RFC 7677) without channel binding. */
public final class ScramMechanism extends GateSaslMechanism {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScramAlgorithm algorithm;
    private final IdentityRegistry registry;
    /** Keys the made-up salts of unknown accounts; per process is enough to keep them stable within a run. */
    private final byte[] decoySecret = new byte[32];

    ScramMechanism(SaslAuthenticator authenticator, IdentityRegistry registry, ScramAlgorithm algorithm) {
        super(authenticator);
        this.registry = registry;
        this.algorithm = algorithm;
        RANDOM.nextBytes(decoySecret);
    }

    @Override
    public String getName() {
        return algorithm.mechanism();
    }

    @Override
    SaslNegotiation begin(String domain) {
        return new ScramNegotiation(algorithm, registry, domain, decoySecret, RANDOM);
    }
}
