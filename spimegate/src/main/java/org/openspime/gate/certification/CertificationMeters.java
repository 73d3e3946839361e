package org.openspime.gate.certification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.openspime.certification.service.KeyChange;
import org.openspime.certification.service.KeyChangeListener;

/**
 * The certification service's activity on {@code /metrics} and the console's overview: keys attested (published or
 * renewed, the gate's own included), key queries answered (both protocol generations) and revocations.
 */
public final class CertificationMeters implements KeyChangeListener {
    public static final String PUBLISHED = "openspime_certification_keys_published";
    public static final String QUERIES = "openspime_certification_queries_answered";
    public static final String REVOCATIONS = "openspime_certification_revocations";

    private final Counter published;
    private final Counter queries;
    private final Counter revocations;

    public CertificationMeters(MeterRegistry registry) {
        published = Counter.builder(PUBLISHED).description("keys attested and stored (new or renewed)").register(registry);
        queries = Counter.builder(QUERIES).description("key queries answered with keys").register(registry);
        revocations = Counter.builder(REVOCATIONS).description("keys revoked, by their owner or an operator")
                .register(registry);
    }

    @Override
    public void keyChanged(KeyChange change) {
        (change.kind() == KeyChange.Kind.PUBLISHED ? published : revocations).increment();
    }

    void queryAnswered() {
        queries.increment();
    }
}
