package org.openspime.system.scopenode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The scope every test here collects: signed and encrypted reports of co2 (required) and temperature. */
public final class TestScope {

    public static final String NAME = "co2-monitoring";

    private TestScope() {
    }

    public static Path write(Path dir) throws IOException {
        Path file = dir.resolve("scope.conf");
        Files.writeString(file, """
                name        = co2-monitoring
                description = CO2 in rooms (system tests)
                visibility  = private
                allow-unsigned    = false
                allow-unencrypted = false
                field.co2.type     = integer
                field.co2.unit     = ppm
                field.co2.required = true
                field.co2.min      = 0
                field.co2.max      = 10000
                field.temperature.type = decimal
                field.temperature.unit = Cel
                field.temperature.min  = -50
                field.temperature.max  = 80
                """, StandardCharsets.UTF_8);
        return file;
    }
}
