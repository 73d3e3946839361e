package org.openspime.gate.console;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openspime.gate.identity.Identity;
import org.openspime.gate.identity.IdentityException;
import org.openspime.gate.identity.IdentityRegistry;
import org.openspime.gate.identity.Jid;
import org.openspime.gate.identity.NewIdentity;
import org.openspime.gate.identity.OsidKind;
import org.openspime.web.identity.IdentityAdministration;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityListing;
import org.openspime.web.identity.IdentityQuery;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityRefused.Reason;
import org.openspime.web.identity.IdentityState;
import org.openspime.web.identity.IdentityView;
import org.openspime.web.identity.IssuedIdentity;

/**
 * The console's identity actions on the gate's {@link IdentityRegistry}, so the console, the CLI and the gate
 * share one set of rules. The registry words its refusals for people but does not classify them; this adapter
 * classifies by checking, in the order the registry would fail, what the console needs a reason for (malformed
 * JID, foreign domain, wrong shape for the kind, duplicate, unknown), and hands anything else over as INVALID
 * with the registry's own message.
 *
 * <p>Ending live sessions on disable and delete is the registry's listener's job (installed by the gate), so it
 * happens the same way whether the console, the CLI or another process made the change.
 */
public final class GateIdentityAdministration implements IdentityAdministration {
    private final IdentityRegistry registry;
    private final JdbcOsidLookup lookup;
    private final IdentityTotals totals;

    public GateIdentityAdministration(IdentityRegistry registry, JdbcOsidLookup lookup, IdentityTotals totals) {
        this.registry = registry;
        this.lookup = lookup;
        this.totals = totals;
    }

    @Override
    public IssuedIdentity create(IdentityKind kind, String jid, String description, boolean wantPassword) {
        Jid osid = parsed(jid);
        OsidKind osidKind = OsidKind.valueOf(kind.name());
        if (osidKind.resourceRequired() && !osid.isFull()) {
            throw new IdentityRefused(Reason.WRONG_KIND, "A " + kind.label() + " must be a full JID with a resource,"
                    + " e.g. " + osid + "/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "1.");
        }
        if (registry.find(osid.toString()).isPresent()) {
            throw new IdentityRefused(Reason.DUPLICATE, osid + " is already registered.");
        }
        boolean joinsAccount = registry.accountExists(osid.bare().toEntity());
        if (joinsAccount && wantPassword) {
            throw new IdentityRefused(Reason.INVALID, "The account " + osid.bare() + " already exists with its own"
                    + " password, which " + osid + " would share: issue it without a password, or reset the"
                    + " account's password afterwards.");
        }
        try {
            Optional<String> password;
            Identity issued;
            if (wantPassword) {
                NewIdentity created = registry.create(osidKind, osid.toString(), description, null, null);
                issued = created.identity();
                password = Optional.ofNullable(created.generatedPassword());
            } else {
                issued = registry.createKeyOnly(osidKind, osid.toString(), description, null);
                password = Optional.empty();
            }
            totals.changed();
            return new IssuedIdentity(view(issued, wantPassword || joinsAccount && hasPassword(issued)), password);
        } catch (IdentityException e) {
            // A concurrent create of the same JID lost the race on the primary key.
            Reason reason = registry.find(osid.toString()).isPresent() ? Reason.DUPLICATE : Reason.INVALID;
            throw new IdentityRefused(reason, sentence(e.getMessage()));
        }
    }

    @Override
    public IdentityListing list(IdentityQuery q) {
        org.openspime.gate.identity.IdentityQuery query = org.openspime.gate.identity.IdentityQuery.all()
                .kind(q.kind().map(k -> OsidKind.valueOf(k.name())).orElse(null))
                .state(q.state().map(s -> org.openspime.gate.identity.IdentityState.valueOf(s.name())).orElse(null))
                .search(q.search())
                .limit(Math.min(q.limit(), org.openspime.gate.identity.IdentityQuery.MAX_LIMIT))
                .offset(q.offset());
        List<Identity> page = registry.list(query);
        Set<String> withPassword = lookup.accountsWithPassword(page.stream().map(i -> i.account().toString()).toList());
        List<IdentityView> views = page.stream()
                .map(i -> view(i, withPassword.contains(i.account().toString()))).toList();
        long total = page.size() < query.limit() && (query.offset() == 0 || !page.isEmpty())
                ? query.offset() + page.size()
                : totals.count(query, () -> registry.count(query.offset(0)));
        return new IdentityListing(views, total);
    }

    @Override
    public Optional<IdentityView> show(String jid) {
        try {
            return registry.find(jid).map(i -> view(i, hasPassword(i)));
        } catch (IdentityException malformedOrForeign) {
            return Optional.empty();
        }
    }

    @Override
    public void disable(String jid) {
        change(jid, () -> registry.disable(jid));
    }

    @Override
    public void enable(String jid) {
        change(jid, () -> registry.enable(jid));
    }

    @Override
    public String resetPassword(String jid) {
        String[] generated = new String[1];
        change(jid, () -> generated[0] = registry.resetPassword(jid, null));
        return generated[0];
    }

    @Override
    public void delete(String jid) {
        change(jid, () -> registry.delete(jid));
    }

    private void change(String jid, Runnable action) {
        Jid osid = parsed(jid);
        if (registry.find(osid.toString()).isEmpty()) {
            throw new IdentityRefused(Reason.NOT_FOUND, "No identity " + osid + " is registered on this gate.");
        }
        try {
            action.run();
        } catch (IdentityException e) {
            Reason reason = registry.find(osid.toString()).isEmpty() ? Reason.NOT_FOUND : Reason.INVALID;
            throw new IdentityRefused(reason, sentence(e.getMessage()));
        } finally {
            totals.changed();
        }
    }

    /** The JID as the registry keeps it, refusing malformed ones and those of another domain. */
    private Jid parsed(String text) {
        Jid jid;
        try {
            jid = Jid.parse(text);
        } catch (IdentityException e) {
            throw new IdentityRefused(Reason.MALFORMED_JID, sentence(e.getMessage()));
        }
        if (!jid.domain().equals(registry.domain())) {
            throw new IdentityRefused(Reason.INVALID,
                    "This gate serves " + registry.domain() + ", not " + jid.domain() + " (" + jid + ").");
        }
        return jid;
    }

    private boolean hasPassword(Identity i) {
        return !lookup.accountsWithPassword(List.of(i.account().toString())).isEmpty();
    }

    private static IdentityView view(Identity i, boolean hasPassword) {
        return new IdentityView(i.jid().toString(), IdentityKind.valueOf(i.kind().name()),
                IdentityState.valueOf(i.state().name()), i.description() == null ? "" : i.description(),
                i.createdAt(), hasPassword);
    }

    /** The registry writes lower-case fragments for the CLI; the console shows sentences. */
    private static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return "The gate refused the request.";
        }
        String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
