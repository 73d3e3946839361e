package org.openspime.client.directory.provider;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.openspime.client.directory.element.PublicScope;
import org.openspime.client.directory.element.ScopesQuery;

/** Reads the gate's {@code <scopes/>} result; an entry without a full-JID {@code snid} or a time is malformed. */
public final class ScopesQueryProvider extends IQProvider<ScopesQuery> {

    @Override
    public ScopesQuery parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        List<PublicScope> scopes = new ArrayList<>();
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.START_ELEMENT && "scope".equals(parser.getName())) {
                scopes.add(scope(parser));
            } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                return new ScopesQuery(scopes);
            }
        }
    }

    private static PublicScope scope(XmlPullParser parser) throws XmlPullParserException, IOException, SmackParsingException {
        int depth = parser.getDepth();
        String name = parser.getAttributeValue("", "name");
        String snid = parser.getAttributeValue("", "snid");
        String online = parser.getAttributeValue("", "online");
        String announced = parser.getAttributeValue("", "announced");
        String description = "";
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.START_ELEMENT && "description".equals(parser.getName())) {
                description = parser.nextText();
            } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                break;
            }
        }
        if (name == null || snid == null || announced == null) {
            throw new SmackParsingException("a <scope/> needs name, snid and announced") {
            };
        }
        try {
            return new PublicScope(name, JidCreate.entityFullFrom(snid), description, "true".equals(online),
                    Instant.parse(announced));
        } catch (XmppStringprepException | DateTimeParseException | IllegalArgumentException e) {
            throw new SmackParsingException("a <scope/> has a malformed snid or time: " + e.getMessage()) {
            };
        }
    }
}
