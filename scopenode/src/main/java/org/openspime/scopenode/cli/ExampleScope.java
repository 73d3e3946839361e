package org.openspime.scopenode.cli;

/** The scope file {@code init} writes: a small CO2 monitoring scope to edit. */
final class ExampleScope {

    static final String TEXT = """
            # The scope this ScopeNode collects. One key = value a line; check with `openspime scopenode check-scope`.
            name        = co2-monitoring
            description = CO2 and temperature in rooms, for ventilation advice
            visibility  = public
            allow-unsigned    = false
            allow-unencrypted = false

            field.co2.type       = integer
            field.co2.unit       = ppm
            field.co2.required   = true
            field.co2.min        = 0
            field.co2.max        = 10000

            field.temperature.type = decimal
            field.temperature.unit = Cel
            field.temperature.min  = -50
            field.temperature.max  = 80
            """;

    private ExampleScope() {
    }
}
