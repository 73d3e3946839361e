/**
 * The ScopeNode: it collects the data of exactly one scope. Subpackages keep the concerns apart:
 * {@code scope} (what the scope is and what a reading must look like), {@code reading} (a decoded reading as it
 * arrives), {@code authorization} (which SpimeIDs may report), {@code storage} (the readings in the database) and
 * {@code ingest} (group commit, so a report is acknowledged only once it is durable).
 */
package org.openspime.scopenode;
