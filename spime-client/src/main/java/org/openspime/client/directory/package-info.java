/**
 * The gate's scope directory ({@code urn:openspime:scope-directory:1}) for Smack clients: a ScopeNode announces
 * its scope and any entity lists the public ones with {@link org.openspime.client.directory.ScopeDirectoryManager};
 * the IQs are in {@code element}, their parser in {@code provider}. Protocol reference:
 * {@code docs/protocol-directory.md}.
 */
package org.openspime.client.directory;
