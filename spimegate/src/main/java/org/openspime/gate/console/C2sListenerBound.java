package org.openspime.gate.console;

import org.openspime.gate.engine.XmppEngine;
import org.openspime.web.ops.ReadinessCheck;

/** Ready while the client-to-server listener is bound: a gate that cannot accept devices is not ready. */
public final class C2sListenerBound implements ReadinessCheck {
    private final XmppEngine engine;

    public C2sListenerBound(XmppEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "c2s";
    }

    @Override
    public Result check() {
        return engine.listening()
                ? new Result(true, "listening on port " + engine.c2sPort())
                : Result.down("the c2s listener is not bound");
    }
}
