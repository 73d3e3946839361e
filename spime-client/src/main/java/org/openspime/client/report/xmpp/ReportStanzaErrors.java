package org.openspime.client.report.xmpp;

import java.util.Optional;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.ReportRefusedException;
import org.openspime.client.report.element.ReportError;
import org.openspime.client.report.element.ReportNamespace;

/**
 * A refused report as a Smack {@link StanzaError} and back: the RFC 6120 type and defined condition that
 * {@link ReportCondition} fixes, the reason as the error's text, and the application condition element in
 * {@code urn:openspime:report:1} ({@code docs/protocol-report.md}, section 7).
 */
public final class ReportStanzaErrors {

    private ReportStanzaErrors() {
    }

    public static StanzaError of(ReportRefusedException refused) {
        return of(refused.condition(), refused.getMessage());
    }

    public static StanzaError of(ReportCondition condition, String text) {
        StanzaError.Builder builder = StanzaError.getBuilder(StanzaError.Condition.fromString(condition.stanzaCondition()))
                .setType(StanzaError.Type.fromString(condition.errorType()))
                .addExtension(StandardExtensionElement.builder(condition.element(), ReportNamespace.NS).build());
        if (text != null && !text.isEmpty()) {
            builder.setDescriptiveEnText(text);
        }
        return builder.build();
    }

    /** The report condition an error carries; empty for an error without one (from the gate, say). */
    public static Optional<ReportError> read(StanzaError error) {
        for (ReportCondition condition : ReportCondition.values()) {
            if (error.getExtension(condition.element(), ReportNamespace.NS) != null) {
                return Optional.of(new ReportError(condition, Optional.ofNullable(text(error))));
            }
        }
        return Optional.empty();
    }

    /**
     * The error's text. Smack 4.4.8 writes a {@link StanzaError}'s {@code <text/>} onto a stream without its
     * {@code urn:ietf:params:xml:ns:xmpp-stanzas} namespace (its {@code toXML()} shows it, the bytes on the wire do
     * not: seen with Smack's debugger), so a Smack receiver reads it as an extension in the stream's namespace
     * rather than as the descriptive text. The gate relays what it gets unchanged ({@code ElementRoundTripTest}).
     * Both forms are read here.
     */
    private static String text(StanzaError error) {
        String text = error.getDescriptiveText();
        if (text != null) {
            return text;
        }
        for (String ns : new String[] {StanzaError.ERROR_CONDITION_AND_TEXT_NAMESPACE, "jabber:client", "jabber:server"}) {
            ExtensionElement misplaced = error.getExtension("text", ns);
            if (misplaced instanceof StandardExtensionElement element && element.getText() != null) {
                return element.getText();
            }
        }
        return null;
    }
}
