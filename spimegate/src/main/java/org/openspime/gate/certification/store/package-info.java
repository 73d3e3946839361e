/**
 * Where the gate keeps published keys, their attestations and revocations: a JDBC implementation of
 * {@link org.openspime.certification.service.PublishedKeyStore} on the gate database (migration
 * {@code V2__certification.sql}), the same on the embedded H2 default and on PostgreSQL.
 */
package org.openspime.gate.certification.store;
