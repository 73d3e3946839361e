/**
 * Bulk creation of identities from CSV. Each row is issued on its own through the same
 * {@link org.openspime.web.identity.IdentityService} as a single create, so one bad row costs only itself
 * and the report says, row by row, what was issued and what was not and why. Uploads run as background
 * {@link org.openspime.web.bulk.ImportJob}s, bounded by {@link org.openspime.web.bulk.ImportJobs}.
 */
package org.openspime.web.bulk;
