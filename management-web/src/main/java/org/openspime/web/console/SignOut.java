package org.openspime.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.session.ConsoleSession;
import org.openspime.web.session.SessionCookie;

/** {@code POST /console/sign-out}: a POST behind the guard, so another site cannot sign an operator out. */
final class SignOut extends ConsolePage {

    SignOut(ConsoleServices services) {
        super(services);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        ConsoleSession session = session(req);
        services.sessions().close(session.id());
        SessionCookie.clear(req, resp);
        services.audit().record(new AuditEntry(services.clock().instant(), session.operator(), "operator.sign-out",
                "", "", req.getRemoteAddr(), "console"));
        seeOther(resp, "/sign-in");
    }
}
