package org.openspime.bench;

/** Counters at one instant of a data-path run: rows in the database, acknowledgments, CPU time of each process. */
record Snapshot(long nanos, long storedRows, long ackedReadings, long acks, long gateCpuMs, long nodeCpuMs, long clientCpuMs) {

    static Snapshot take(BenchDatabase db, AckLog log, GateProcess gate, ScopeNodeProcess node) throws Exception {
        long rows = db.readings();
        return new Snapshot(System.nanoTime(), rows, log.ackedReadings(), log.acks(), gate.cpuMillis(), node.cpuMillis(),
                Bench.ownCpuMillis());
    }
}
