package org.openspime.client.report.crypto;

import java.util.Objects;
import org.openspime.client.report.codec.ReportLimits;

/**
 * What a scope demands of a report before its ScopeNode opens it.
 *
 * @param scope     the scope's name; a report naming another is refused
 * @param signed    whether unsigned reports are refused (the default)
 * @param encrypted whether plain reports are refused (the default)
 * @param limits    size limits of one report
 */
public record ScopeRequirements(String scope, boolean signed, boolean encrypted, ReportLimits limits) {

    public ScopeRequirements {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limits, "limits");
    }

    /** Signed and encrypted, default limits. */
    public static ScopeRequirements strict(String scope) {
        return new ScopeRequirements(scope, true, true, ReportLimits.DEFAULT);
    }
}
