/**
 * The audit trail: who did what, when and from where, for every state-changing console or API action.
 * The gate persists it; the console records into it and shows it with filters.
 */
package org.openspime.web.audit;
