package org.openspime.web.ops;

/**
 * One condition the gate must meet before it should receive traffic, such as "database reachable" or
 * "XMPP c2s listener bound". The gate supplies the list; the management server only reports on it.
 */
public interface ReadinessCheck {

    /** Short stable name shown in the health JSON, e.g. {@code database}. */
    String name();

    /**
     * Probes the condition. Called on every readiness request, so it must be quick (a pool validation,
     * a flag read); a check that throws counts as not ready and its message is reported.
     */
    Result check();

    /** Outcome of one probe; {@code detail} tells an operator why it is down. */
    record Result(boolean ready, String detail) {
        public static Result up() {
            return new Result(true, "ok");
        }

        public static Result down(String why) {
            return new Result(false, why);
        }
    }
}
