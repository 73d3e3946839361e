/** The gate's live state as the console's overview shows it, sampled on each request. */
package org.openspime.web.status;
