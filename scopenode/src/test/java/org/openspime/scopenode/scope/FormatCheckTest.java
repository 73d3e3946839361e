package org.openspime.scopenode.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openspime.scopenode.reading.IncomingReading;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.testing.Readings;

class FormatCheckTest {
    private final FormatCheck check = new FormatCheck(Readings.format());

    private static IncomingReading reading(Map<String, Object> values) {
        return new IncomingReading(Instant.parse("2026-03-01T10:00:00Z"), null, values);
    }

    @Test
    void wireTextIsConvertedToTheDeclaredTypes() {
        FormatCheck.Result r = check.check(0, reading(Map.of("co2", "612", "temperature", "21.5",
                "window_open", "1", "note", "ok")));

        assertThat(r.ok()).isTrue();
        assertThat(r.typedValues()).isEqualTo(Map.of("co2", 612L, "temperature", 21.5, "window_open", true,
                "note", "ok"));
    }

    @Test
    void everyViolationOfAReadingIsReportedNotJustTheFirst() {
        Map<String, Object> values = new HashMap<>();
        values.put("temperature", "-80");           // below min
        values.put("window_open", "maybe");         // not a boolean
        values.put("note", "x".repeat(21));         // too long
        values.put("humidity", "40");               // not declared
        // co2 missing: required

        FormatCheck.Result r = check.check(3, reading(values));

        assertThat(r.ok()).isFalse();
        assertThat(r.typedValues()).isEmpty();
        assertThat(r.violations()).extracting(Violation::toString).containsExactly(
                "reading 3, field co2: required field is missing",
                "reading 3, field humidity: field is not declared by the scope",
                "reading 3, field note: text of 21 characters is longer than the maximum 20",
                "reading 3, field temperature: -80.0 is below the minimum -50 °C",
                "reading 3, field window_open: not a boolean: 'maybe'");
    }

    @Test
    void numbersMustBeFiniteAndInRangeAndIntegersWhole() {
        assertThat(check.check(0, reading(Map.of("co2", "10001"))).violations()).extracting(Violation::reason)
                .containsExactly("10001 is above the maximum 10000 ppm");
        assertThat(check.check(0, reading(Map.of("co2", "12.5"))).violations()).extracting(Violation::reason)
                .containsExactly("not an integer: '12.5'");
        assertThat(check.check(0, reading(Map.of("co2", "99999999999999999999"))).ok()).isFalse();
        assertThat(check.check(0, reading(Map.of("co2", 1, "temperature", "NaN"))).violations())
                .extracting(Violation::reason).containsExactly("not a decimal: 'NaN'");
        assertThat(check.check(0, reading(Map.of("co2", 1, "temperature", Double.POSITIVE_INFINITY))).ok())
                .isFalse();
        assertThat(check.check(0, reading(Map.of("co2", 1, "temperature", "0x1p3"))).ok()).isFalse();
        assertThat(check.check(0, reading(Map.of("co2", 1, "temperature", "1e1"))).ok()).isTrue();
    }

    @Test
    void aReportListsTheViolationsOfAllItsReadings() {
        IncomingReport report = new IncomingReport("s@gate.example/spime", "r1", List.of(
                reading(Map.of("co2", "500")),
                reading(Map.of("co2", "-1")),
                reading(Map.of("temperature", "20"))));

        assertThat(check.check(report)).extracting(Violation::toString).containsExactly(
                "reading 1, field co2: -1 is below the minimum 0 ppm",
                "reading 2, field co2: required field is missing");
    }
}
