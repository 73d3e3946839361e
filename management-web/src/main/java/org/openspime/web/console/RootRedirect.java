package org.openspime.web.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /} sends a browser to the console, which in turn asks for a sign-in if needed. */
final class RootRedirect extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        ConsolePage.seeOther(resp, "/console/");
    }
}
