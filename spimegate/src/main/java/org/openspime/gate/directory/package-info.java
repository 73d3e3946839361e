/**
 * The gate's scope directory ({@code urn:openspime:scope-directory:1}): ScopeNodes announce the scope they collect
 * with an IQ set to the gate's domain, and any entity of the gate lists the public ones with an IQ get. The element
 * rules and their errors are in {@link org.openspime.gate.directory.ScopeDirectoryXml}, the IQ side in
 * {@link org.openspime.gate.directory.ScopeDirectoryIqHandler}, storage behind
 * {@link org.openspime.gate.directory.ScopeDirectoryStore}; {@link org.openspime.gate.directory.ScopeDirectory}
 * installs it and is what the console reads. Protocol reference: {@code docs/protocol-directory.md}.
 */
package org.openspime.gate.directory;
