/** Server dialback (XEP-0220): key generation and the {@code db:result} / {@code db:verify} elements. */
package org.openspime.gate.federation.dialback;
