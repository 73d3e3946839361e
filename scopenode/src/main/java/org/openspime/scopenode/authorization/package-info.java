/**
 * Which SpimeIDs may report to the scope: exact SpimeIDs and simple patterns ({@code *@gate.example/*},
 * {@code sensor-*@gate.example/spime}), kept in the ScopeNode's database, managed by the scope owner, and looked up
 * from memory on every report.
 */
package org.openspime.scopenode.authorization;
