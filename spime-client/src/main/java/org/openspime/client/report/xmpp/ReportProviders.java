package org.openspime.client.report.xmpp;

import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.openspime.client.report.MalformedReportException;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.ReportRefusedException;
import org.openspime.client.report.codec.AckCodec;
import org.openspime.client.report.codec.EnvelopeCodec;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.element.ReportNamespace;
import org.openspime.client.xmpp.ConditionElementProvider;

/**
 * Registers the report IQ providers with Smack, once per JVM. Smack's providers are global, so the envelope is
 * read here against a generous {@link #PARSE_CEILING}; the ScopeNode applies its own scope's, smaller, limits to
 * what it receives (the gate's stanza size limit bounds everything before that).
 */
public final class ReportProviders {

    /** Ceiling for reading an envelope in the provider: far above any sane stanza limit. */
    public static final ReportLimits PARSE_CEILING = new ReportLimits(16 * 1024 * 1024, 1_000_000, 10_000_000);

    private static boolean registered;

    private ReportProviders() {
    }

    public static synchronized void register() {
        if (registered) {
            return;
        }
        ProviderManager.addIQProvider(ReportIQ.ELEMENT, ReportIQ.NAMESPACE, new ReportIqProvider());
        ProviderManager.addIQProvider(ReportAckIQ.ELEMENT, ReportAckIQ.NAMESPACE, new AckIqProvider());
        for (ReportCondition c : ReportCondition.values()) {
            ConditionElementProvider.register(c.element(), ReportNamespace.NS);
        }
        registered = true;
    }

    private static final class ReportIqProvider extends IQProvider<ReportIQ> {
        @Override
        public ReportIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws XmlPullParserException, IOException {
            String xml = PacketParserUtils.parseElement(parser, true).toString();
            try {
                return ReportIQ.received(EnvelopeCodec.parse(xml, PARSE_CEILING), xml);
            } catch (ReportRefusedException e) {
                return ReportIQ.unreadable(e);
            }
        }
    }

    private static final class AckIqProvider extends IQProvider<ReportAckIQ> {
        @Override
        public ReportAckIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws XmlPullParserException, IOException {
            String xml = PacketParserUtils.parseElement(parser, true).toString();
            try {
                return ReportAckIQ.received(AckCodec.parse(xml));
            } catch (MalformedReportException e) {
                return ReportAckIQ.unreadable(e);
            }
        }
    }
}
