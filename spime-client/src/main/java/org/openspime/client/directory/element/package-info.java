/** The directory's IQs: {@code <announce/>} (set) and {@code <scopes/>} (get, and its result). */
package org.openspime.client.directory.element;
