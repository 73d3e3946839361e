package org.openspime.certification.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The gate operator's limits on what the certification service attests.
 *
 * @param maxKeyLife     the longest validity attested, counted from now: the spec's "maximum key life",
 *                       which bounds how long a stolen but unrevoked key stays useful
 * @param clockSkew      tolerance for entity clocks: a validity may begin this much before now
 * @param maxKeysPerJid  unexpired, unrevoked keys one JID may hold; rotation needs two
 */
public record CertificationPolicy(Duration maxKeyLife, Duration clockSkew, int maxKeysPerJid) {

    public CertificationPolicy {
        Objects.requireNonNull(maxKeyLife, "maxKeyLife");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (maxKeyLife.isNegative() || maxKeyLife.isZero() || clockSkew.isNegative() || maxKeysPerJid < 1) {
            throw new IllegalArgumentException("policy needs a positive key life, a non-negative skew and at least one key per JID");
        }
    }

    /** One year of key life, five minutes of skew, four keys per JID. */
    public static CertificationPolicy defaults() {
        return new CertificationPolicy(Duration.ofDays(365), Duration.ofMinutes(5), 4);
    }
}
