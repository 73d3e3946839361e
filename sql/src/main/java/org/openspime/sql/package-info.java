/**
 * The one JDBC path of OpenSpime: a pooled {@link javax.sql.DataSource} on the embedded H2 default or on
 * PostgreSQL, migrated by Flyway with the migrations kept in this module ({@code db/migration/gate},
 * {@code db/migration/scopenode}). The same migrations serve both engines.
 */
package org.openspime.sql;
