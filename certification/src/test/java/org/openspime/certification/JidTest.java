package org.openspime.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JidTest {

    @Test
    void fullJidIsSplitIntoItsParts() {
        Jid jid = Jid.of("4A6B-5638@gate.example/spime");
        assertThat(jid.local()).contains("4a6b-5638");
        assertThat(jid.domain()).isEqualTo("gate.example");
        assertThat(jid.resource()).contains("spime");
        assertThat(jid.bare()).isEqualTo(Jid.of("4a6b-5638@gate.example"));
        assertThat(jid.isBare()).isFalse();
    }

    @Test
    void localPartAndDomainCompareCaseInsensitivelyButResourceDoesNot() {
        assertThat(Jid.of("Spime@Gate.Example/Res")).isEqualTo(Jid.of("spime@gate.example/Res"));
        assertThat(Jid.of("spime@gate.example/Res")).isNotEqualTo(Jid.of("spime@gate.example/res"));
        assertThat(Jid.of("Spime@Gate.Example./Res")).hasToString("spime@gate.example/Res");
    }

    @Test
    void domainOnlyJidIsAccepted() {
        assertThat(Jid.of("certify.gate.example").local()).isEmpty();
    }

    @Test
    void malformedJidsAreRefusedNamingThePart() {
        assertThatThrownBy(() -> Jid.of("")).hasMessageContaining("empty JID");
        assertThatThrownBy(() -> Jid.of("@gate.example")).hasMessageContaining("empty local part");
        assertThatThrownBy(() -> Jid.of("a@")).hasMessageContaining("empty domain");
        assertThatThrownBy(() -> Jid.of("a@gate.example/")).hasMessageContaining("empty resource");
        assertThatThrownBy(() -> Jid.of("a b@gate.example")).hasMessageContaining("local part contains a control or space");
        assertThatThrownBy(() -> Jid.of("a<b@gate.example")).hasMessageContaining("local part contains '<'");
        assertThatThrownBy(() -> Jid.of("a" + "x".repeat(1100) + "@gate.example")).hasMessageContaining("longer than 1023 bytes");
    }

    @Test
    void resourceMayContainSpacesAndSlashes() {
        assertThat(Jid.of("gateway@net.example/radio 12/a").resource()).contains("radio 12/a");
    }
}
