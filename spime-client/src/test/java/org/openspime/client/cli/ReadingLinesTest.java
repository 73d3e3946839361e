package org.openspime.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Value;
import org.openspime.client.report.element.ValueType;

class ReadingLinesTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    private static List<Reading> read(String text) throws Exception {
        return ReadingLines.read(new BufferedReader(new StringReader(text)), NOW);
    }

    @Test
    void eachLineIsOneReadingWithTypesFromTheJsonValues() throws Exception {
        List<Reading> readings = read("""
                # a comment, then a blank line

                {"time":"2025-03-01T11:59:00+01:00","location":{"lat":45.4642,"lon":9.19,"elevation":122.5},"values":{"co2":{"value":415,"unit":"ppm"},"temperature":{"value":21.50,"unit":"Cel"}}}
                {"values":{"ok":{"value":true},"note":{"value":"fan on"},"exact":{"value":"415.20","type":"decimal","unit":"ppm"}}}
                """);

        assertThat(readings).hasSize(2);
        Reading first = readings.get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("2025-03-01T10:59:00Z"));
        assertThat(first.location().orElseThrow().elevation()).contains(new BigDecimal("122.5"));
        assertThat(first.value("co2").orElseThrow()).isEqualTo(Value.integer("co2", 415, "ppm"));
        assertThat(first.value("temperature").orElseThrow()).isEqualTo(Value.decimal("temperature", "21.50", "Cel"));
        Reading second = readings.get(1);
        assertThat(second.time()).isEqualTo(NOW.instant());
        assertThat(second.value("ok").orElseThrow().type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(second.value("note").orElseThrow().text()).isEqualTo("fan on");
        assertThat(second.value("exact").orElseThrow().lexical()).isEqualTo("415.20");
    }

    @Test
    void aBadLineFailsTheInputNamingTheLineAndTheProblem() {
        String good = "{\"values\":{\"co2\":{\"value\":415}}}\n";
        assertThatThrownBy(() -> read(good + "{\"values\":{\"co2\":{\"value\":415}}\n"))
                .isInstanceOf(ReadingFormatException.class).hasMessageStartingWith("line 2: not JSON");
        assertThatThrownBy(() -> read(good + good + "{\"time\":\"yesterday\",\"values\":{\"co2\":{\"value\":1}}}"))
                .hasMessage("line 3: \"time\" 'yesterday' is not a date-time such as 2025-03-01T12:00:00Z");
        assertThatThrownBy(() -> read("{\"values\":{}}")).hasMessageStartingWith("line 1: \"values\" must be an object");
        assertThatThrownBy(() -> read("{\"values\":{\"2bad\":{\"value\":1}}}")).hasMessageStartingWith("line 1: value name must match");
        assertThatThrownBy(() -> read("{\"location\":{\"lat\":91,\"lon\":0},\"values\":{\"a\":{\"value\":1}}}"))
                .hasMessage("line 1: latitude 91 is outside [-90, 90]");
        assertThatThrownBy(() -> read("{\"values\":{\"a\":{\"value\":\"x\",\"type\":\"integer\"}}}"))
                .hasMessageStartingWith("line 1: 'x' is not an integer");
        assertThatThrownBy(() -> read("[1,2]")).hasMessageStartingWith("line 1: a reading is a JSON object");
    }

    @Test
    void commandLineValuesAreTypedByTheirForm() throws Exception {
        assertThat(ValueText.option("co2=415:ppm")).isEqualTo(Value.integer("co2", 415, "ppm"));
        assertThat(ValueText.option("temperature=21.5:Cel")).isEqualTo(Value.decimal("temperature", "21.5", "Cel"));
        assertThat(ValueText.option("open=true")).isEqualTo(Value.bool("open", true));
        assertThat(ValueText.option("note=fan")).isEqualTo(Value.text("note", "fan"));
        assertThatThrownBy(() -> ValueText.option("co2")).isInstanceOf(ReadingFormatException.class).hasMessageContaining("NAME=VALUE");
        assertThat(SendCommand.location("45.46,9.19,120").elevation()).contains(new BigDecimal("120"));
        assertThatThrownBy(() -> SendCommand.location("45.46")).hasMessageContaining("LAT,LON");
    }
}
