/**
 * {@code openspime scopenode ...}: picocli commands to set up ({@code init}), run, and manage a ScopeNode
 * (authorization list, scope file check, key rotation, status). Settings come from a properties file, the
 * environment ({@code OPENSPIME_*}) and flags, flags winning.
 */
package org.openspime.scopenode.cli;
