/** Smack plumbing shared by the SDK's protocol packages. */
package org.openspime.client.xmpp;
