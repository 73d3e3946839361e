package org.openspime.gate.directory;

import java.time.Instant;
import java.util.List;
import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xml.fragment.XMLText;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;

/**
 * The directory's elements. Inbound, {@code <announce name='…' visibility='public|private'><description>…
 * </description></announce>} is checked strictly (the rules below, each refusal saying which); outbound, the
 * {@code <scopes/>} answer is written into a result stanza.
 *
 * <ul>
 * <li>{@code name}: 1 to {@value #MAX_NAME} characters, not only spaces, no control characters.</li>
 * <li>{@code visibility}: exactly {@code public} or {@code private}.</li>
 * <li>{@code <description/>}: optional, at most one, at most {@value #MAX_DESCRIPTION} characters, no control
 * characters but tab and line breaks; no other child elements.</li>
 * </ul>
 */
public final class ScopeDirectoryXml {
    public static final String NAMESPACE = "urn:openspime:scope-directory:1";
    public static final int MAX_NAME = 128;
    public static final int MAX_DESCRIPTION = 1024;

    private ScopeDirectoryXml() {
    }

    /** The announcement in {@code announce}, made by {@code snid} at {@code now}. */
    static ScopeAnnouncement announcement(XMLElement announce, String snid, Instant now) throws MalformedAnnouncement {
        String name = announce.getAttributeValue("name");
        if (name == null || name.isEmpty()) {
            throw new MalformedAnnouncement("<announce/> needs a 'name' of 1 to " + MAX_NAME + " characters");
        }
        if (name.length() > MAX_NAME) {
            throw new MalformedAnnouncement("the scope name is longer than " + MAX_NAME + " characters");
        }
        if (name.isBlank() || hasControl(name, false)) {
            throw new MalformedAnnouncement("the scope name must be visible text without control characters");
        }
        String token = announce.getAttributeValue("visibility");
        ScopeVisibility visibility = ScopeVisibility.parse(token).orElseThrow(() -> new MalformedAnnouncement(
                "visibility must be 'public' or 'private', not " + (token == null ? "missing" : "'" + token + "'")));
        List<XMLElement> children = announce.getInnerElements();
        if (children.size() > 1 || (children.size() == 1 && !"description".equals(children.get(0).getName()))) {
            throw new MalformedAnnouncement("<announce/> may hold one <description/> and nothing else");
        }
        String description = children.isEmpty() ? "" : text(children.get(0));
        if (description.length() > MAX_DESCRIPTION) {
            throw new MalformedAnnouncement("the description is longer than " + MAX_DESCRIPTION + " characters");
        }
        if (hasControl(description, true)) {
            throw new MalformedAnnouncement("the description holds control characters");
        }
        return new ScopeAnnouncement(snid, name, visibility, description.strip(), now);
    }

    /** Writes {@code <scopes xmlns='…'><scope name snid online announced><description/></scope>…</scopes>}. */
    static void writeScopes(StanzaBuilder result, List<PublicScope> scopes) {
        result.startInnerElement("scopes", NAMESPACE);
        for (PublicScope s : scopes) {
            ScopeAnnouncement a = s.announcement();
            result.startInnerElement("scope", NAMESPACE).addAttribute("name", a.name()).addAttribute("snid", a.snid())
                    .addAttribute("online", String.valueOf(s.online()))
                    .addAttribute("announced", a.announced().toString());
            if (!a.description().isEmpty()) {
                result.startInnerElement("description", NAMESPACE).addText(a.description()).endInnerElement();
            }
            result.endInnerElement();
        }
        result.endInnerElement();
    }

    private static String text(XMLElement element) throws MalformedAnnouncement {
        if (!element.getInnerElements().isEmpty()) {
            throw new MalformedAnnouncement("<description/> holds text only");
        }
        StringBuilder out = new StringBuilder();
        for (XMLText t : element.getInnerTexts()) {
            out.append(t.getText());
        }
        return out.toString();
    }

    private static boolean hasControl(String s, boolean lineBreaksAllowed) {
        return s.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                && !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t')));
    }
}
