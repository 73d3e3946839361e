package org.openspime.web.fakes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openspime.web.operator.ApiToken;
import org.openspime.web.operator.Operator;
import org.openspime.web.operator.OperatorDirectory;

/** Operators and tokens in maps, standing in for the gate's JDBC tables. */
public final class InMemoryOperators implements OperatorDirectory {

    private final Map<String, Operator> operators = new ConcurrentHashMap<>();
    private final Map<String, ApiToken> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<Operator> find(String name) {
        return Optional.ofNullable(operators.get(name));
    }

    @Override
    public List<Operator> list() {
        return List.copyOf(operators.values());
    }

    @Override
    public void save(Operator operator) {
        operators.put(operator.name(), operator);
    }

    @Override
    public Optional<ApiToken> findToken(String tokenHash) {
        return tokens.values().stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public List<ApiToken> tokensOf(String operator) {
        return tokens.values().stream().filter(t -> t.operator().equals(operator)).toList();
    }

    @Override
    public void saveToken(ApiToken token) {
        tokens.put(token.id(), token);
    }

    @Override
    public void deleteToken(String id) {
        tokens.remove(id);
    }
}
