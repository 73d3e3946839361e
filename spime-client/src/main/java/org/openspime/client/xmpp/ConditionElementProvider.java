package org.openspime.client.xmpp;

import java.io.IOException;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.ParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads an application error condition (an empty element such as {@code <bad-signature xmlns='urn:openspime:talk:1'/>}
 * inside a stanza {@code <error/>}) as a {@link StandardExtensionElement} of that name and namespace.
 *
 * <p>Why not Smack's fallback: its {@code StandardExtensionElementProvider} asserts that every declared namespace has
 * a non-empty prefix, and the default declaration {@code xmlns='…'} has the empty one — with assertions enabled (every
 * test run) the connection's reader thread dies on the first refusal it receives.
 */
public final class ConditionElementProvider extends ExtensionElementProvider<StandardExtensionElement> {

    private static final ConditionElementProvider INSTANCE = new ConditionElementProvider();

    /** Registers the provider for the condition {@code element} in {@code namespace}. */
    public static void register(String element, String namespace) {
        ProviderManager.addExtensionProvider(element, namespace, INSTANCE);
    }

    @Override
    public StandardExtensionElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        StandardExtensionElement condition = StandardExtensionElement.builder(parser.getName(), parser.getNamespace()).build();
        ParserUtils.forwardToEndTagOfDepth(parser, initialDepth);
        return condition;
    }
}
