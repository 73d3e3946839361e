package org.openspime.client.certification.provider;

import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.openspime.certification.MalformedElementException;

/**
 * Reads an IQ child by handing its re-serialized XML to a codec (see the package comment). A child the codec
 * refuses becomes an IQ carrying the refusal rather than an exception, so the caller waiting for the answer
 * learns why instead of timing out.
 */
abstract class CodecIqProvider<I extends IQ> extends IQProvider<I> {

    @Override
    public final I parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        String xml = PacketParserUtils.parseElement(parser, true).toString();
        try {
            return read(xml);
        } catch (MalformedElementException e) {
            return malformed(e);
        }
    }

    abstract I read(String xml) throws MalformedElementException;

    abstract I malformed(MalformedElementException e);
}
