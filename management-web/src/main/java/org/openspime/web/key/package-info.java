/**
 * Public keys the gate's certification service holds for its entities, as the console shows and revokes
 * them. Private keys never appear here: the gate does not have them.
 */
package org.openspime.web.key;
