package org.openspime.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openspime.web.identity.Actor;
import org.openspime.web.operator.Operator;
import org.openspime.web.operator.OperatorAccounts;

/** Admits an API request only with {@code Authorization: Bearer <token>} of an operator who may sign in. */
public final class ApiGuard extends HttpFilter {

    static final String ACTOR_ATTRIBUTE = "org.openspime.web.api.actor";

    private final OperatorAccounts operators;

    public ApiGuard(OperatorAccounts operators) {
        this.operators = operators;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String header = req.getHeader("Authorization");
        Optional<Operator> operator = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? operators.operatorForToken(header.substring(7).trim())
                : Optional.empty();
        if (operator.isEmpty()) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"openspime\"");
            ApiResponses.error(resp, 401, "unauthorized", "Send an API token as 'Authorization: Bearer <token>'.");
            return;
        }
        req.setAttribute(ACTOR_ATTRIBUTE, new Actor(operator.get().name(), req.getRemoteAddr(), "api"));
        chain.doFilter(req, resp);
    }

    static Actor actor(HttpServletRequest req) {
        return (Actor) req.getAttribute(ACTOR_ATTRIBUTE);
    }
}
