package org.openspime.web.console;

import java.time.Clock;
import org.openspime.web.audit.AuditLog;
import org.openspime.web.bulk.ImportJobs;
import org.openspime.web.identity.IdentityService;
import org.openspime.web.key.KeyService;
import org.openspime.web.operator.OperatorAccounts;
import org.openspime.web.session.LoginThrottle;
import org.openspime.web.session.SessionRegistry;
import org.openspime.web.status.GateStatus;

/** What the pages and the API work with, built once by the management server and shared by both. */
public record ConsoleServices(
        IdentityService identities,
        ImportJobs imports,
        KeyService keys,
        OperatorAccounts operators,
        AuditLog audit,
        GateStatus status,
        SessionRegistry sessions,
        LoginThrottle throttle,
        Clock clock,
        long maxUploadBytes,
        int maxUploadRows) {
}
