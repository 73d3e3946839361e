/** Parses the directory's {@code <scopes/>} result; registered by the manager on first use. */
package org.openspime.client.directory.provider;
