package org.openspime.bench;

/** The measured phase of a data-path run, between two snapshots, as one line of the RESULT. */
record Measurement(Snapshot start, Snapshot end, String detail) {

    double seconds() {
        return (end.nanos() - start.nanos()) / 1e9;
    }

    @Override
    public String toString() {
        long stored = end.storedRows() - start.storedRows();
        long acked = end.ackedReadings() - start.ackedReadings();
        double perThousand = stored == 0 ? Double.NaN : 1000.0 / stored;
        return String.format("stored=%.0f readings/s (%d rows in %.1f s) acked=%.0f readings/s (%d reports) %s"
                        + " cpu-ms-per-1000-readings: gate=%.1f scopenode=%.1f spimes(load JVM)=%.1f",
                stored / seconds(), stored, seconds(), acked / seconds(), end.acks() - start.acks(), detail,
                (end.gateCpuMs() - start.gateCpuMs()) * perThousand, (end.nodeCpuMs() - start.nodeCpuMs()) * perThousand,
                (end.clientCpuMs() - start.clientCpuMs()) * perThousand);
    }
}
