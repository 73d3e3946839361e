package org.openspime.gate.certification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.openspime.certification.service.CertificationPolicy;

/**
 * What the operator configures about the gate's certification service.
 *
 * @param subdomain      the component's subdomain: the service is {@code <subdomain>.<gate domain>}
 * @param keyDirectory   where the gate's certification key pair and its passphrase file live
 * @param policy         maximum key life, clock-skew tolerance, keys per JID
 */
public record CertificationSettings(String subdomain, Path keyDirectory, CertificationPolicy policy) {

    public static final String DEFAULT_SUBDOMAIN = "certification";

    public CertificationSettings {
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(keyDirectory, "keyDirectory");
        Objects.requireNonNull(policy, "policy");
        if (subdomain.isEmpty() || subdomain.contains(".") || subdomain.contains("@") || subdomain.contains("/")) {
            throw new IllegalArgumentException("certification subdomain must be one DNS label: " + subdomain);
        }
    }

    /** The defaults under a gate's data directory ({@code <dataDir>/certification}), with the default policy. */
    public static CertificationSettings defaults(Path dataDir) {
        return new CertificationSettings(DEFAULT_SUBDOMAIN, dataDir.resolve("certification"), CertificationPolicy.defaults());
    }

    /** The same with another maximum key life (the operator's "maximum key life"). */
    public CertificationSettings withMaxKeyLife(Duration maxKeyLife) {
        return new CertificationSettings(subdomain, keyDirectory,
                new CertificationPolicy(maxKeyLife, policy.clockSkew(), policy.maxKeysPerJid()));
    }
}
