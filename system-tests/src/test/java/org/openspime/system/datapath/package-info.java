/**
 * Failure tests of the whole data path with the real spime SDK (durable outbox, reporter, reseals) against a real
 * ScopeNode daemon (in this JVM, or in a child JVM when it must be killed), a real gate and a real PostgreSQL:
 * ScopeNode SIGKILL, spime process SIGKILL, gate restart, database connections terminated, and refusals. Each
 * compares what the spimes generated and got acknowledged with the rows in the database (docs/spime-client.md,
 * "Failure tests").
 */
package org.openspime.system.datapath;
