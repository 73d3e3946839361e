/**
 * End-to-end tests of the data path's ScopeNode half: a real gate, a real ScopeNode (in-process, or in a child JVM
 * when it must be killed), real Smack spimes sealing reports with {@code ReportSealer}, and a real database.
 */
package org.openspime.system.scopenode;
