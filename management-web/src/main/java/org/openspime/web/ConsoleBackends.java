package org.openspime.web;

import java.util.List;
import org.openspime.web.audit.AuditLog;
import org.openspime.web.identity.IdentityAdministration;
import org.openspime.web.key.KeyAdministration;
import org.openspime.web.operator.OperatorDirectory;
import org.openspime.web.ops.ReadinessCheck;
import org.openspime.web.status.GateStatus;

/** Everything the gate implements for the management server, handed over in one piece. */
public record ConsoleBackends(
        IdentityAdministration identities,
        KeyAdministration keys,
        GateStatus status,
        OperatorDirectory operators,
        AuditLog audit,
        List<ReadinessCheck> readiness) {

    public ConsoleBackends {
        readiness = List.copyOf(readiness);
    }
}
