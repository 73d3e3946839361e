/**
 * Console operators and their API tokens. Password hashing and token generation live here because they
 * are the console's own concern; where operators and tokens are kept is {@link
 * org.openspime.web.operator.OperatorDirectory}, which the gate implements on JDBC.
 */
package org.openspime.web.operator;
