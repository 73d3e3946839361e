/**
 * The gate's configuration: one immutable {@link org.openspime.gate.config.GateConfig} resolved from command
 * line flags, then {@code OPENSPIME_*} environment variables, then the properties file given with
 * {@code --config}, then built-in defaults, in that order of precedence.
 */
package org.openspime.gate.config;
