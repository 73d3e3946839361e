package org.openspime.scopenode.scope;

import java.util.Objects;

/**
 * The one scope a ScopeNode collects.
 *
 * @param name              short identifier of the scope
 * @param description       what the data is collected for, in words for people
 * @param visibility        public (anyone may learn the scope exists and what it collects) or private
 * @param format            what a reading must look like
 * @param allowUnsigned     whether reports without an originator signature are accepted
 * @param allowUnencrypted  whether reports with a plain (unencrypted) transport are accepted
 */
public record Scope(String name, String description, Visibility visibility, DataFormat format,
                    boolean allowUnsigned, boolean allowUnencrypted) {

    public enum Visibility { PUBLIC, PRIVATE }

    public Scope {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(format, "format");
        description = description == null ? "" : description;
    }
}
