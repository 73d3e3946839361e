package org.openspime.launcher.demo;

import java.nio.file.Path;

/**
 * What the demo sets up.
 *
 * @param dataDir     everything lives under it: {@code gate/}, {@code scopenode/}, {@code spimes/}
 * @param spimes      how many simulated spimes
 * @param bindAddress the address of every listener
 * @param freePorts   any free ports, rather than the usual ones first
 */
record DemoPlan(Path dataDir, int spimes, String bindAddress, boolean freePorts) {

    static final String DOMAIN = "localhost";
    static final String SCOPE_RESOURCE = "/demo/classrooms.scope";
    static final String SNID = "co2-classrooms@" + DOMAIN + "/scopenode";
    static final int RSA_BITS = 2048;

    int port(int usual) {
        return DemoPorts.preferred(bindAddress, freePorts ? 0 : usual);
    }

    String spimeId(int n) {
        return "classroom-" + n + "@" + DOMAIN + "/sensor";
    }
}
