package org.openspime.system.scopenode;

import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;
import org.openspime.client.report.element.ReportNamespace;

/** A {@code <report/>} IQ set with an id and an originator but no time and no transport: what no sealer writes. */
final class MalformedReportIQ extends IQ {

    private final String spime;

    MalformedReportIQ(Jid to, String spime) {
        super("report", ReportNamespace.NS);
        setType(Type.set);
        setTo(to);
        this.spime = spime;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("id", "broken-1");
        xml.rightAngleBracket();
        xml.append("<originator jid='" + spime + "'/>");
        return xml;
    }
}
