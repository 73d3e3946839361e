package org.openspime.launcher.demo;

import org.openspime.gate.identity.IdentityRegistry;
import org.openspime.gate.identity.OsidKind;

/**
 * Issues the demo's identities at its gate the way an operator would (the same registry the console and
 * {@code openspime admin} use), with generated passwords. A demo restarted on the same data directory finds them
 * there and gives them new passwords, which it then uses.
 */
final class DemoIdentities {

    private final IdentityRegistry registry;

    DemoIdentities(IdentityRegistry registry) {
        this.registry = registry;
    }

    /** Creates {@code jid} (or gives the existing one a new password) and returns the password to log in with. */
    String issue(OsidKind kind, String jid, String description) {
        if (registry.find(jid).isPresent()) {
            registry.enable(jid);
            return registry.resetPassword(jid, null);
        }
        return registry.create(kind, jid, description, null).generatedPassword();
    }
}
