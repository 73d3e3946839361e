package org.openspime.client.directory.element;

import java.util.List;
import org.jivesoftware.smack.packet.IQ;

/**
 * {@code <scopes xmlns='urn:openspime:scope-directory:1'/>}: as an IQ get to the gate's domain, asks for the
 * public scopes; as the result, lists them, each a {@code <scope name snid online announced>} with an optional
 * {@code <description/>}.
 */
public final class ScopesQuery extends IQ {
    public static final String ELEMENT = "scopes";
    public static final String NAMESPACE = ScopeAnnounce.NAMESPACE;

    private final List<PublicScope> scopes;

    /** The query: an IQ get with an empty {@code <scopes/>}. */
    public ScopesQuery() {
        this(List.of());
        setType(Type.get);
    }

    /** A result carrying {@code scopes}. */
    public ScopesQuery(List<PublicScope> scopes) {
        super(ELEMENT, NAMESPACE);
        this.scopes = List.copyOf(scopes);
    }

    public List<PublicScope> scopes() {
        return scopes;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        if (scopes.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (PublicScope s : scopes) {
            xml.halfOpenElement("scope").attribute("name", s.name()).attribute("snid", s.snid())
                    .attribute("online", String.valueOf(s.online())).attribute("announced", s.announced().toString());
            if (s.description().isEmpty()) {
                xml.closeEmptyElement();
            } else {
                xml.rightAngleBracket().element("description", s.description()).closeElement("scope");
            }
        }
        return xml;
    }
}
