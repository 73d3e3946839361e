package org.openspime.scopenode.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeFileTest {

    @Test
    void documentedExampleLoads() throws Exception {
        Scope scope = ScopeFile.load(Path.of(getClass().getResource("/co2.scope").toURI()));

        assertThat(scope.name()).isEqualTo("co2-classrooms");
        assertThat(scope.visibility()).isEqualTo(Scope.Visibility.PUBLIC);
        assertThat(scope.allowUnsigned()).isFalse();
        assertThat(scope.allowUnencrypted()).isTrue();
        assertThat(scope.format().fields()).extracting(Field::name)
                .containsExactly("co2", "temperature", "window_open", "note");
        assertThat(scope.format().field("co2"))
                .isEqualTo(new Field("co2", FieldType.INTEGER, "ppm", true, 0.0, 10_000.0, null));
        assertThat(scope.format().field("temperature").unit()).isEqualTo("°C");
        assertThat(scope.format().field("note").maxLength()).isEqualTo(20);
        assertThat(scope.format().field("window_open").required()).isFalse();
    }

    @Test
    void everyProblemIsReportedWithItsLineAndKey() {
        List<String> lines = List.of(
                "name = broken",                      // 1
                "visibility = secret",                // 2
                "colour = blue",                      // 3
                "field.co2.type = integer",           // 4
                "field.co2.min = low",                // 5
                "field.co2.max-length = 10",          // 6
                "field.Bad.type = text",              // 7
                "field.t.unit = K",                   // 8
                "field.h.type = float",               // 9
                "field.r.type = decimal",             // 10
                "field.r.min = 5",                    // 11
                "field.r.max = 1",                    // 12
                "field.r.required = yes",             // 13
                "name = again",                       // 14
                "just words");                        // 15

        assertThatThrownBy(() -> ScopeFile.parse("bad.scope", lines))
                .isInstanceOfSatisfying(ScopeFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "line 3: colour: unknown key (known: [name, description, visibility, allow-unsigned,"
                                + " allow-unencrypted], field.<name>.<property>)",
                        "line 7: field.Bad.type: field name must match [a-z][a-z0-9_]{0,39} (lower-case letter,"
                                + " then letters, digits, '_')",
                        "line 14: name: already set on line 1",
                        "line 15: expected 'key = value', got 'just words'",
                        "line 2: visibility: must be public or private, got 'secret'",
                        "line 5: field.co2.min: not a finite number: 'low'",
                        "line 6: field.co2.max-length: does not apply to an integer field",
                        "line 8: field.t: has no field.t.type (decimal, integer, boolean or text)",
                        "line 9: field.h.type: unknown type 'float' (decimal, integer, boolean or text)",
                        "line 13: field.r.required: must be true or false, got 'yes'",
                        "line 12: field.r.max: max 1.0 is below min 5.0"))
                .hasMessageContaining("invalid scope file bad.scope");
    }

    @Test
    void aScopeWithoutNameVisibilityOrFieldsIsRefused() {
        assertThatThrownBy(() -> ScopeFile.parse("empty.scope", List.of("# nothing")))
                .isInstanceOfSatisfying(ScopeFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "empty.scope: name: required",
                        "empty.scope: visibility: required (public or private)",
                        "empty.scope: no field declared (add at least field.<name>.type = ...)"));
    }
}
