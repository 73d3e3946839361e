/**
 * The readings of the scope in the database: {@link org.openspime.scopenode.storage.ReadingStore} and its JDBC
 * implementation, which stores a batch of reports in one transaction (recognising reports already stored), pages
 * through readings by time, aggregates a field per time bucket, and deletes what retention no longer keeps.
 */
package org.openspime.scopenode.storage;
