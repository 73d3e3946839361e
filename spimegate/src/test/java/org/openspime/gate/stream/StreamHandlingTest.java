package org.openspime.gate.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openspime.gate.testing.RawStream;
import org.openspime.gate.testing.TestGate;

/**
 * RFC 6120 4 and 11: stream close is answered, and malformed, oversized or restricted XML ends only the
 * offending stream with the right stream error while other clients keep being served.
 */
class StreamHandlingTest {
    private static TestGate gate;

    @BeforeAll
    static void start() throws Exception {
        gate = TestGate.start(4_096, 0);
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    private static RawStream opened() throws Exception {
        RawStream raw = new RawStream(gate.port()).openStream(TestGate.DOMAIN);
        assertThat(raw.readUntilContains("</stream:features>")).contains("starttls");
        return raw;
    }

    @Test
    void closingTheStreamIsAnsweredWithClosingTag() throws Exception {
        try (RawStream raw = opened()) {
            raw.send("</stream:stream>");
            assertThat(raw.readUntilContains("</stream:stream>")).endsWith("</stream:stream>");
            assertThat(raw.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void malformedXmlEndsThatStreamWithNotWellFormed() throws Exception {
        try (RawStream raw = opened()) {
            raw.send("<message><body>unclosed</message>");
            assertThat(raw.readUntilContains("</stream:stream>"))
                    .contains("<stream:error><xml-not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>");
            assertThat(raw.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        assertOthersAreServed();
    }

    @Test
    void oversizedStanzaEndsThatStreamWithPolicyViolation() throws Exception {
        try (RawStream raw = opened()) {
            raw.send("<message to='x@gate.test'><body>" + "a".repeat(10_000) + "</body></message>");
            assertThat(raw.readUntilContains("</stream:stream>")).contains("<policy-violation")
                    .contains("exceeds the limit of 4096 bytes");
            assertThat(raw.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        assertOthersAreServed();
    }

    @Test
    void oversizedStanzaIsRefusedBeforeItIsComplete() throws Exception {
        try (RawStream raw = opened()) {
            raw.send("<message to='x@gate.test'><body>" + "a".repeat(10_000));
            assertThat(raw.readUntilContains("</stream:stream>")).contains("<policy-violation");
        }
    }

    @Test
    void commentsAndProcessingInstructionsAreRestrictedXml() throws Exception {
        try (RawStream raw = opened()) {
            raw.send("<!-- hello -->");
            assertThat(raw.readUntilContains("</stream:stream>")).contains("<restricted-xml");
        }
        try (RawStream raw = opened()) {
            raw.send("<?php evil ?>");
            assertThat(raw.readUntilContains("</stream:stream>")).contains("<restricted-xml");
        }
    }

    @Test
    void doctypeIsRefused() throws Exception {
        try (RawStream raw = new RawStream(gate.port())) {
            raw.send("<?xml version='1.0'?><!DOCTYPE lol [<!ENTITY a 'aaaa'>]>");
            String answer = raw.readUntil(t -> t.contains("</stream:stream>"), Duration.ofSeconds(5));
            assertThat(raw.closedByPeer(Duration.ofSeconds(5))).isTrue();
            assertThat(answer).doesNotContain("aaaa");
        }
    }

    @Test
    void textBetweenStanzasIsBadFormat() throws Exception {
        try (RawStream raw = opened()) {
            raw.send("stray text");
            raw.send("<presence/>");
            assertThat(raw.readUntilContains("</stream:stream>")).contains("<bad-format");
        }
    }

    @Test
    void multiByteUtf8SplitAcrossReadsIsDecoded() throws Exception {
        try (RawStream raw = opened()) {
            byte[] head = "<iq type='get' id='é".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            raw.send(java.util.Arrays.copyOf(head, head.length - 1));
            Thread.sleep(50);
            raw.send(new byte[] {head[head.length - 1]});
            raw.send("'><ping xmlns='urn:xmpp:ping'/></iq>");
            // before authentication the gate answers core stanzas with not-authorized, echoing the id intact
            assertThat(raw.readUntilContains("</iq>")).contains("id=\"é\"").contains("not-authorized");
        }
    }

    private static void assertOthersAreServed() throws Exception {
        XMPPTCPConnection ok = gate.newClient("bystander@gate.test/r" + System.nanoTime());
        assertThat(ok.isAuthenticated()).isTrue();
        ok.disconnect();
    }
}
