/**
 * The scope owner's HTTP API on the ScopeNode's own port: readings as JSON pages, a streamed CSV export,
 * downsampled aggregates for charts, the scope definition, health and metrics. Every path but {@code /health}
 * needs the bearer token. {@link org.openspime.scopenode.http.QueryServer} puts the servlets together.
 */
package org.openspime.scopenode.http;
