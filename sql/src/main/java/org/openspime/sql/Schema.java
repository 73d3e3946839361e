package org.openspime.sql;

/** A set of migrations kept in this module, one per kind of daemon that owns a database. */
public enum Schema {
    /** The SpimeGate's identities, credentials, rosters, keys. */
    GATE("gate"),
    /** A ScopeNode's scope, authorizations and readings. */
    SCOPENODE("scopenode");

    private final String name;

    Schema(String name) {
        this.name = name;
    }

    /** The short name, used for the embedded database file and the migration folder. */
    public String shortName() {
        return name;
    }

    String migrationLocation() {
        return "classpath:db/migration/" + name;
    }
}
