package org.openspime.client.directory.element;

import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;

/**
 * {@code <iq type='set' to='gate.example'><announce xmlns='urn:openspime:scope-directory:1' name='…'
 * visibility='public'><description>…</description></announce></iq>}: a ScopeNode tells its gate which scope it
 * collects. The gate answers an empty result, or {@code forbidden} (the sender is not a ScopeNode) or
 * {@code bad-request} (a rule is broken; its text says which).
 */
public final class ScopeAnnounce extends IQ {
    public static final String ELEMENT = "announce";
    public static final String NAMESPACE = "urn:openspime:scope-directory:1";

    private final String name;
    private final ScopeVisibility visibility;
    private final String description;

    public ScopeAnnounce(String name, ScopeVisibility visibility, String description) {
        super(ELEMENT, NAMESPACE);
        this.name = Objects.requireNonNull(name, "name");
        this.visibility = Objects.requireNonNull(visibility, "visibility");
        this.description = description == null ? "" : description;
        setType(Type.set);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("name", name).attribute("visibility", visibility.token());
        if (description.isEmpty()) {
            xml.setEmptyElement();
        } else {
            xml.rightAngleBracket();
            xml.element("description", description);
        }
        return xml;
    }
}
