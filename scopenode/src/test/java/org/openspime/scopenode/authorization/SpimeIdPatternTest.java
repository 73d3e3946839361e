package org.openspime.scopenode.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpimeIdPatternTest {

    @Test
    void anyoneAtAGateWithAnyResource() {
        SpimeIdPattern p = SpimeIdPattern.parse("*@gate.example/*");

        assertThat(p.matches("4A6B-5638@gate.example/spime")).isTrue();
        assertThat(p.matches("gateway@gate.example/spime12")).isTrue();
        assertThat(p.matches("x@GATE.example/spime")).isTrue();
        assertThat(p.matches("x@other.example/spime")).isFalse();
        assertThat(p.matches("x@sub.gate.example/spime")).isFalse();
        assertThat(p.matches("x@gate.example")).as("bare JID is no SpimeID").isFalse();
        assertThat(p.matches("gate.example/spime")).as("domain-only JID").isFalse();
    }

    @Test
    void aStarNeverReachesAcrossTheJidParts() {
        SpimeIdPattern p = SpimeIdPattern.parse("*@gate.example/*");

        // Domain evil.example; "gate.example" only appears inside the resource.
        assertThat(p.matches("x@evil.example/y@gate.example/z")).isFalse();
        assertThat(SpimeIdPattern.parse("sensor-*@gate.example/spime").matches("sensor-1@gate.example/spime/x"))
                .isFalse();
    }

    @Test
    void prefixPatternsAndExactIds() {
        SpimeIdPattern p = SpimeIdPattern.parse("sensor-*@gate.example/spime");

        assertThat(p.matches("sensor-17@gate.example/spime")).isTrue();
        assertThat(p.matches("sensor-@gate.example/spime")).isTrue();
        assertThat(p.matches("Sensor-17@gate.example/spime")).as("local part is case-insensitive").isTrue();
        assertThat(p.matches("sensor-17@gate.example/Spime")).as("resource is case-sensitive").isFalse();
        assertThat(p.matches("actuator-1@gate.example/spime")).isFalse();
        assertThat(p.isExact()).isFalse();

        SpimeIdPattern exact = SpimeIdPattern.parse("4A6B-5638@Gate.Example/spime");
        assertThat(exact.isExact()).isTrue();
        assertThat(exact.text()).isEqualTo("4a6b-5638@gate.example/spime");
        assertThat(exact.matches("4a6b-5638@gate.example/spime")).isTrue();
        assertThat(SpimeIdPattern.parse("a.b+c@gate.example/(x)").matches("a.b+c@gate.example/(x)"))
                .as("regex characters are literal").isTrue();
        assertThat(SpimeIdPattern.parse("a.b@gate.example/x").matches("aXb@gate.example/x")).isFalse();
    }

    @Test
    void patternsWithoutResourceOrLocalPartAreRefused() {
        assertThatThrownBy(() -> SpimeIdPattern.parse("*@gate.example")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("*@gate.example/*");
        assertThatThrownBy(() -> SpimeIdPattern.parse("gate.example/spime"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpimeIdPattern.parse("@gate.example/spime"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
