/**
 * Public keys the gate's certification service holds for its entities, as the console shows and revokes them, and
 * online key-pair generation for entities that cannot make their own: {@link org.openspime.web.key.KeyService}
 * generates, has the gate certify the public half, and leaves the packaged private half in the
 * {@link org.openspime.web.key.KeyHandover} for one download. No private key is stored, logged or audited.
 */
package org.openspime.web.key;
