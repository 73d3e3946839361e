package org.openspime.certification.codec;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;

/**
 * The one definition of how OpenSpime parses XML that came over the wire with StAX: no DTDs, no external
 * entities, namespace-aware, adjacent text joined. Every reader of protocol payloads (certification codecs,
 * report codecs, the gate's element conversion) starts from {@link #newFactory()} and refuses the events
 * {@link #isRefused} names, so a billion-laughs or XXE payload fails the same way everywhere.
 */
public final class HardenedXml {
    private HardenedXml() {
    }

    /** A new factory with the hardening applied; callers may add settings of their own before sharing it. */
    public static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Whether a StAX event is one a protocol payload may never contain (a DTD or an entity). */
    public static boolean isRefused(int event) {
        return event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                || event == XMLStreamConstants.ENTITY_DECLARATION;
    }
}
