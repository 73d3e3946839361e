/**
 * The scope a ScopeNode collects: its name, description, visibility and {@link org.openspime.scopenode.scope.DataFormat},
 * loaded from a scope file ({@link org.openspime.scopenode.scope.ScopeFile}), and the
 * {@link org.openspime.scopenode.scope.FormatCheck} that tells whether a reading fits it (the spec's
 * {@code inconsistent-data-with-scope}).
 */
package org.openspime.scopenode.scope;
