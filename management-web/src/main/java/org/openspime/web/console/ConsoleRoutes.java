package org.openspime.web.console;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** Where each console page is mounted; the only public door into this package's servlets. */
public final class ConsoleRoutes {

    private ConsoleRoutes() {
    }

    public static void install(ServletContextHandler context, ConsoleServices services) {
        context.addFilter(new FilterHolder(new ConsoleGuard(services.sessions(), services.maxUploadBytes())),
                "/console/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new SignInPage(services)), "/sign-in");
        context.addServlet(new ServletHolder(new RootRedirect()), "");
        context.addServlet(new ServletHolder(new StaticResources()), "/static/*");
        context.addServlet(new ServletHolder(new OverviewPage(services)), "/console/*");
        context.addServlet(new ServletHolder(new SignOut(services)), "/console/sign-out");
        context.addServlet(new ServletHolder(new IdentitiesPage(services)), "/console/identities");
        context.addServlet(new ServletHolder(new NewIdentityPage(services)), "/console/identities/new");
        context.addServlet(new ServletHolder(new IdentityDetailPage(services)), "/console/identity/*");
        ServletHolder bulk = new ServletHolder(new BulkPage(services));
        // Kept in memory up to the limit (threshold = limit) so an upload never touches the gate's disk.
        bulk.getRegistration().setMultipartConfig(new MultipartConfigElement(System.getProperty("java.io.tmpdir"),
                services.maxUploadBytes(), services.maxUploadBytes() + 64 * 1024, (int) services.maxUploadBytes()));
        context.addServlet(bulk, "/console/bulk/*");
        context.addServlet(new ServletHolder(new KeysPage(services)), "/console/keys/*");
        context.addServlet(new ServletHolder(new KeyGenerationPage(services)), "/console/keys/generate/*");
        context.addServlet(new ServletHolder(new AuditPage(services)), "/console/audit");
        context.addServlet(new ServletHolder(new TokensPage(services)), "/console/tokens/*");
    }
}
