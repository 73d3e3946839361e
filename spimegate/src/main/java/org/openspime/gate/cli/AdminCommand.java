package org.openspime.gate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.CertificationKey;
import org.openspime.gate.certification.CertificationSettings;
import org.openspime.gate.certification.GateCertificationKey;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.console.GateConsole;
import org.openspime.gate.console.JdbcAuditLog;
import org.openspime.gate.console.JdbcOperatorDirectory;
import org.openspime.gate.identity.Identity;
import org.openspime.gate.identity.IdentityException;
import org.openspime.gate.identity.IdentityQuery;
import org.openspime.gate.identity.IdentityRegistry;
import org.openspime.gate.identity.IdentityState;
import org.openspime.gate.identity.NewIdentity;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.storage.GateStorage;
import org.openspime.gate.tls.GateCertificate;
import org.openspime.web.ConsoleSettings;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.operator.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code openspime admin}: manages the gate's identities and shows its certificate. It opens the same database as
 * the gate (the embedded H2 runs in auto-server mode, so this works while the gate runs) and its changes reach a
 * running gate through the identity change log.
 *
 * <p>Exit codes: 0 done, 1 refused (one line on stderr saying why), 2 usage error. The gate options may be given
 * before or after the subcommand.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage the identities (OSIDs) of a SpimeGate and show its TLS certificate.",
        subcommands = {AdminCommand.Create.class, AdminCommand.ListIdentities.class, AdminCommand.Show.class,
                AdminCommand.Disable.class, AdminCommand.Enable.class, AdminCommand.ResetPassword.class,
                AdminCommand.Delete.class, AdminCommand.Certificate.class, AdminCommand.CertificationKeyCommand.class,
                AdminCommand.OperatorPassword.class})
public final class AdminCommand implements Callable<Integer> {
    @Mixin
    GateOptions options = new GateOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** A command line for {@code admin} whose refusals print one line and exit 1. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AdminCommand());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            String message = e instanceof IdentityException || e instanceof IllegalArgumentException
                    ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            line.getErr().println("error: " + message);
            line.getErr().flush();
            return 1;
        });
        return cl;
    }

    /** Options given after the subcommand win over those given before it. */
    GateConfig config(GateOptions sub) {
        return GateOptionsMerge.merge(options, sub).resolve();
    }

    /** Base of the subcommands: gate options and output. */
    abstract static class GateSub implements Callable<Integer> {
        @ParentCommand
        AdminCommand parent;

        @Mixin
        GateOptions options = new GateOptions();

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        GateConfig config() {
            return parent.config(options);
        }
    }

    /** A subcommand working on the identity registry, with the storage opened for this one command. */
    abstract static class Sub extends GateSub {
        @Override
        public Integer call() throws Exception {
            try (GateStorage storage = GateStorage.open(config())) {
                run(storage.identities());
            }
            out().flush();
            return 0;
        }

        abstract void run(IdentityRegistry identities) throws Exception;
    }

    @Command(name = "create", description = "Register an OSID: spime (SpimeID), scopenode (SNID) or service (ServID).")
    static final class Create extends Sub {
        @Parameters(index = "0", paramLabel = "KIND", description = "spime, scopenode or service")
        String kind;

        @Parameters(index = "1", paramLabel = "JID", description = "full JID (bare allowed for a service)")
        String jid;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--owner", paramLabel = "WHO", description = "who answers for this identity")
        String owner;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "read the password from FILE (default: generate one and print it once)")
        Path passwordFile;

        @Override
        void run(IdentityRegistry identities) throws IOException {
            NewIdentity created = identities.create(OsidKind.parse(kind), jid, description, owner,
                    readPassword(passwordFile));
            Identity id = created.identity();
            out().printf("created %s %s (account %s)%n", id.kind().osidName(), id.jid(), id.account());
            if (created.generatedPassword() != null) {
                out().printf("password: %s%n", created.generatedPassword());
                out().println("(shown only this once: give it to the device now)");
            }
        }
    }

    @Command(name = "list", description = "List OSIDs, ordered by JID.")
    static final class ListIdentities extends Sub {
        @Option(names = "--kind", paramLabel = "KIND") String kind;
        @Option(names = "--state", paramLabel = "STATE") String state;
        @Option(names = "--search", paramLabel = "TEXT") String search;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "100") int limit;
        @Option(names = "--offset", paramLabel = "N", defaultValue = "0") int offset;

        @Override
        void run(IdentityRegistry identities) {
            IdentityQuery q = IdentityQuery.all().limit(limit).offset(offset).search(search)
                    .kind(kind == null ? null : OsidKind.parse(kind))
                    .state(state == null ? null : IdentityState.parse(state));
            List<Identity> page = identities.list(q);
            long total = identities.count(q.offset(0));
            out().printf("%-48s %-9s %-8s %-20s %s%n", "JID", "KIND", "STATE", "CREATED", "DESCRIPTION");
            for (Identity i : page) {
                out().printf("%-48s %-9s %-8s %-20s %s%n", i.jid(), i.kind(), i.state(),
                        i.createdAt().toString().substring(0, Math.min(19, i.createdAt().toString().length())),
                        i.description() == null ? "" : i.description());
            }
            out().printf("(%d shown, %d-%d of %d)%n", page.size(), page.isEmpty() ? 0 : offset + 1,
                    offset + page.size(), total);
        }
    }

    @Command(name = "show", description = "Show one OSID.")
    static final class Show extends Sub {
        @Parameters(paramLabel = "JID") String jid;

        @Override
        void run(IdentityRegistry identities) {
            Identity i = identities.show(jid);
            out().printf("jid:         %s%n", i.jid());
            out().printf("kind:        %s (%s)%n", i.kind(), i.kind().osidName());
            out().printf("account:     %s%n", i.account());
            out().printf("state:       %s%n", i.state());
            out().printf("description: %s%n", i.description() == null ? "" : i.description());
            out().printf("owner:       %s%n", i.owner() == null ? "" : i.owner());
            out().printf("created:     %s%n", i.createdAt());
        }
    }

    @Command(name = "disable", description = "Disable an OSID (or all OSIDs of an account); its sessions end.")
    static final class Disable extends Sub {
        @Parameters(paramLabel = "JID") String jid;

        @Override
        void run(IdentityRegistry identities) {
            identities.disable(jid);
            out().printf("disabled %s%n", jid.trim());
        }
    }

    @Command(name = "enable", description = "Enable an OSID (or all OSIDs of an account).")
    static final class Enable extends Sub {
        @Parameters(paramLabel = "JID") String jid;

        @Override
        void run(IdentityRegistry identities) {
            identities.enable(jid);
            out().printf("enabled %s%n", jid.trim());
        }
    }

    @Command(name = "reset-password", description = "Give the account of an OSID a new password.")
    static final class ResetPassword extends Sub {
        @Parameters(paramLabel = "JID") String jid;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "read the password from FILE (default: generate one and print it once)")
        Path passwordFile;

        @Override
        void run(IdentityRegistry identities) throws IOException {
            String generated = identities.resetPassword(jid, readPassword(passwordFile));
            out().printf("password changed for the account of %s%n", jid.trim());
            if (generated != null) {
                out().printf("password: %s%n", generated);
                out().println("(shown only this once)");
            }
        }
    }

    @Command(name = "delete", description = "Delete an OSID (its account too when it was the last one).")
    static final class Delete extends Sub {
        @Parameters(paramLabel = "JID") String jid;

        @Override
        void run(IdentityRegistry identities) {
            identities.delete(jid);
            out().printf("deleted %s%n", jid.trim());
        }
    }

    @Command(name = "certificate",
            description = "Print the gate's certificate (SHA-256 fingerprint and PEM), generating it if needed.")
    static final class Certificate extends GateSub {
        @Override
        public Integer call() {
            GateCertificate cert = GateCertificate.loadOrCreate(config());
            out().printf("SHA-256 fingerprint: %s%n", cert.sha256Fingerprint());
            out().print(cert.pem());
            out().flush();
            return 0;
        }
    }

    @Command(name = "certification-key",
            description = "Print the public key the gate's certification service signs attestations with (PEM), "
                    + "generating the key pair if needed: what spimes and ScopeNodes trust (certification.key).")
    static final class CertificationKeyCommand extends GateSub {
        @Override
        public Integer call() throws IOException {
            GateConfig config = config();
            CertificationSettings settings = CertificationSettings.defaults(config.dataDir());
            CertificationKey key = GateCertificationKey.loadOrCreate(settings.keyDirectory(),
                    Jid.of(settings.subdomain() + "." + config.domain()));
            out().printf("certification service: %s%n", key.jid());
            out().printf("key fingerprint (SHA-256 of the public key): %s%n", key.fingerprint());
            out().println("-----BEGIN PUBLIC KEY-----");
            out().println(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.publicKey().getEncoded()));
            out().println("-----END PUBLIC KEY-----");
            out().flush();
            return 0;
        }
    }

    @Command(name = "operator-password",
            description = "Set the console password of an operator, creating the operator if needed (e.g. admin).")
    static final class OperatorPassword extends GateSub {
        @Parameters(paramLabel = "NAME", description = "operator name, e.g. admin")
        String name;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "read the password from FILE (default: generate one and print it once)")
        Path passwordFile;

        @Override
        public Integer call() throws Exception {
            String given = readPassword(passwordFile);
            String password = given == null ? Secrets.random(15) : given;
            try (GateStorage storage = GateStorage.open(config())) {
                boolean existed = new JdbcOperatorDirectory(storage.database().dataSource()).find(name).isPresent();
                GateConsole.operators(storage, ConsoleSettings.defaults()).create(name, password);
                new JdbcAuditLog(storage.database().dataSource()).record(new AuditEntry(java.time.Instant.now(),
                        System.getProperty("user.name", "cli"), "operator.password", name,
                        existed ? "password set from the CLI" : "operator created from the CLI", "localhost", "cli"));
                out().printf("%s operator %s%n", existed ? "password set for" : "created", name);
            }
            if (given == null) {
                out().printf("password: %s%n", password);
                out().println("(shown only this once)");
            }
            out().flush();
            return 0;
        }
    }

    /** The first line of the file, without its line end; null when no file is given. */
    static String readPassword(Path file) throws IOException {
        if (file == null) {
            return null;
        }
        if (!Files.isReadable(file)) {
            throw new IdentityException("cannot read password file " + file);
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        int end = content.indexOf('\n');
        String line = end < 0 ? content : content.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new IdentityException("password file " + file + " is empty");
        }
        return line;
    }
}
