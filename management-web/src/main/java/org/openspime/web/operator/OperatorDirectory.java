package org.openspime.web.operator;

import java.util.List;
import java.util.Optional;

/**
 * Where operators and API tokens are persisted; the gate implements it on JDBC. It stores and finds
 * records only — hashing and verification stay in {@link OperatorAccounts}.
 */
public interface OperatorDirectory {

    Optional<Operator> find(String name);

    List<Operator> list();

    /** Inserts or replaces the operator with this name. */
    void save(Operator operator);

    Optional<ApiToken> findToken(String tokenHash);

    List<ApiToken> tokensOf(String operator);

    void saveToken(ApiToken token);

    void deleteToken(String id);
}
