/**
 * Sign-in state and the browser-facing defences: expiring sessions, CSRF tokens, login throttling,
 * cookie flags and security headers. Sessions live in memory on purpose — a gate restart signs operators
 * out, which is the safe failure.
 */
package org.openspime.web.session;
