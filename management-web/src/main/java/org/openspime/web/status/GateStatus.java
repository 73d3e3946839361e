package org.openspime.web.status;

/** Implemented by the gate from its own counters; must be cheap, the overview polls it every few seconds. */
public interface GateStatus {

    GateSnapshot snapshot();
}
