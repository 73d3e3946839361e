package org.openspime.client.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.client.directory.element.PublicScope;
import org.openspime.client.directory.element.ScopeAnnounce;
import org.openspime.client.directory.element.ScopeVisibility;
import org.openspime.client.directory.element.ScopesQuery;
import org.openspime.client.directory.provider.ScopesQueryProvider;

/** The directory's XML as docs/protocol-directory.md gives it. */
class ScopeDirectoryElementsTest {

    @Test
    void announceIsWrittenWithItsEscapedDescription() throws Exception {
        ScopeAnnounce iq = new ScopeAnnounce("co2-classrooms", ScopeVisibility.PUBLIC, "CO2 in classrooms <& labs>");
        iq.setTo(JidCreate.domainBareFrom("gate.example"));
        iq.setStanzaId("a1");
        assertThat(iq.toXML().toString()).isEqualTo("<iq xmlns='jabber:client' to='gate.example' id='a1' type='set'>"
                + "<announce xmlns='urn:openspime:scope-directory:1' name='co2-classrooms' visibility='public'>"
                + "<description>CO2 in classrooms &lt;&amp; labs&gt;</description></announce></iq>");
    }

    @Test
    void announceWithoutDescriptionIsAnEmptyElement() {
        ScopeAnnounce iq = new ScopeAnnounce("noise", ScopeVisibility.PRIVATE, "");
        assertThat(iq.getChildElementXML().toString())
                .isEqualTo("<announce xmlns='urn:openspime:scope-directory:1' name='noise' visibility='private'/>");
    }

    @Test
    void scopesResultIsReadScopeByScope() throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor("<scopes xmlns='urn:openspime:scope-directory:1'>"
                + "<scope name='co2-classrooms' snid='co2node@gate.example/co2' online='true'"
                + " announced='2026-11-22T01:40:00Z'><description>CO2 in classrooms</description></scope>"
                + "<scope name='noise' snid='noise@gate.example/db' online='false' announced='2026-11-21T08:00:00Z'/>"
                + "</scopes>");
        ScopesQuery result = new ScopesQueryProvider().parse(parser);
        assertThat(result.scopes()).containsExactly(
                new PublicScope("co2-classrooms", JidCreate.entityFullFrom("co2node@gate.example/co2"),
                        "CO2 in classrooms", true, Instant.parse("2026-11-22T01:40:00Z")),
                new PublicScope("noise", JidCreate.entityFullFrom("noise@gate.example/db"), "", false,
                        Instant.parse("2026-11-21T08:00:00Z")));
    }

    @Test
    void scopeWithABareSnidIsMalformed() throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor("<scopes xmlns='urn:openspime:scope-directory:1'>"
                + "<scope name='x' snid='node@gate.example' online='true' announced='2026-11-22T01:40:00Z'/></scopes>");
        assertThatThrownBy(() -> new ScopesQueryProvider().parse(parser)).isInstanceOf(SmackParsingException.class)
                .hasMessageContaining("malformed snid");
    }

    @Test
    void queryIsAnEmptyGet() {
        ScopesQuery q = new ScopesQuery();
        assertThat(q.getType().toString()).isEqualTo("get");
        assertThat(q.getChildElementXML().toString()).isEqualTo("<scopes xmlns='urn:openspime:scope-directory:1'/>");
    }
}
