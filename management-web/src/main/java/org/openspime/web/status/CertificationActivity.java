package org.openspime.web.status;

/**
 * What the gate's certification service has done since the gate started.
 *
 * @param keysPublished   keys attested and stored (new or renewed)
 * @param queriesAnswered key queries answered with keys
 * @param revocations     keys revoked, by their owners or operators
 */
public record CertificationActivity(long keysPublished, long queriesAnswered, long revocations) {

    public static CertificationActivity none() {
        return new CertificationActivity(0, 0, 0);
    }
}
