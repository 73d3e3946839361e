package org.openspime.web.identity;

import java.time.Clock;
import java.util.Optional;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.audit.AuditLog;

/**
 * The identity actions every front end uses — console pages, JSON API, CSV import — with input checks and
 * the audit record in one place. Reads are not audited; every change is, after it succeeded.
 */
public final class IdentityService {

    /** Longest description kept; longer text is refused rather than silently cut. */
    public static final int MAX_DESCRIPTION = 1000;

    private final IdentityAdministration registry;
    private final AuditLog audit;
    private final Clock clock;

    public IdentityService(IdentityAdministration registry, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    public IssuedIdentity create(Actor actor, IdentityKind kind, String jid, String description, boolean wantPassword) {
        String checked = JidSyntax.checked(kind, jid);
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_DESCRIPTION) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID,
                    "The description of " + checked + " is longer than " + MAX_DESCRIPTION + " characters.");
        }
        IssuedIdentity issued = registry.create(kind, checked, text, wantPassword);
        // the JID as the gate registered it (it may normalise case), so the audit filter finds it later
        record(actor, "identity.create", issued.identity().jid(),
                kind.label() + (wantPassword ? " with password" : " key-only"));
        return issued;
    }

    public IdentityListing list(IdentityQuery query) {
        return registry.list(query);
    }

    public Optional<IdentityView> show(String jid) {
        return jid == null ? Optional.empty() : registry.show(jid.trim());
    }

    public void disable(Actor actor, String jid) {
        String known = existing(jid).jid();
        registry.disable(known);
        record(actor, "identity.disable", known, "");
    }

    public void enable(Actor actor, String jid) {
        String known = existing(jid).jid();
        registry.enable(known);
        record(actor, "identity.enable", known, "");
    }

    public String resetPassword(Actor actor, String jid) {
        String known = existing(jid).jid();
        String password = registry.resetPassword(known);
        record(actor, "identity.reset-password", known, "");
        return password;
    }

    public void delete(Actor actor, String jid) {
        String known = existing(jid).jid();
        registry.delete(known);
        record(actor, "identity.delete", known, "");
    }

    private IdentityView existing(String jid) {
        return show(jid).orElseThrow(() -> new IdentityRefused(IdentityRefused.Reason.NOT_FOUND,
                "No identity " + jid + " is registered on this gate."));
    }

    private void record(Actor actor, String action, String target, String detail) {
        audit.record(new AuditEntry(clock.instant(), actor.operator(), action, target, detail, actor.from(), actor.via()));
    }
}
