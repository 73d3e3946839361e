/**
 * Operations endpoints of the gate's HTTP port: liveness, readiness and Prometheus metrics.
 *
 * <p>They stay outside the console's sign-in so that orchestrators and scrapers can reach them; they
 * reveal only health and counters, never identities.
 */
package org.openspime.web.ops;
