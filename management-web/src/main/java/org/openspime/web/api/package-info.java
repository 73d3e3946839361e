/**
 * The JSON API under {@code /api/}: the console's actions for scripts, authenticated with an operator's
 * bearer token and running through the same services as the pages. No cookies are read here, so there
 * is nothing for a cross-site request to ride on and no CSRF token is needed.
 */
package org.openspime.web.api;
