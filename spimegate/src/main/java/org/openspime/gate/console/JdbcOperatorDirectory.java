package org.openspime.gate.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openspime.web.operator.ApiToken;
import org.openspime.web.operator.Operator;
import org.openspime.web.operator.OperatorDirectory;

/**
 * Operators and API tokens in the gate's database ({@code operators}, {@code operator_api_tokens}, migration
 * V3). It stores what the console hands it; hashing stays in the console's {@code OperatorAccounts}.
 */
public final class JdbcOperatorDirectory implements OperatorDirectory {
    private static final String OPERATOR = "SELECT name, password_hash, created_at, disabled FROM operators";
    private static final String TOKEN = "SELECT id, operator, label, token_hash, created_at FROM operator_api_tokens";

    private final Jdbc jdbc;

    public JdbcOperatorDirectory(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "operator directory");
    }

    @Override
    public Optional<Operator> find(String name) {
        return jdbc.query(OPERATOR + " WHERE name = ?", JdbcOperatorDirectory::operator, name).stream().findFirst();
    }

    @Override
    public List<Operator> list() {
        return jdbc.query(OPERATOR + " ORDER BY name", JdbcOperatorDirectory::operator);
    }

    /**
     * Update first, insert when there was nothing to update. Two first saves of one name racing each other
     * end with one insert failing on the primary key; that one retries as an update.
     */
    @Override
    public void save(Operator o) {
        try {
            if (updateOperator(o) == 0) {
                try {
                    jdbc.update("INSERT INTO operators (name, password_hash, created_at, disabled) VALUES (?, ?, ?, ?)",
                            o.name(), o.passwordHash(), Jdbc.timestamp(o.created()), o.disabled());
                } catch (SQLException e) {
                    if (!Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    updateOperator(o);
                }
            }
        } catch (SQLException e) {
            throw jdbc.failure(e);
        }
    }

    private int updateOperator(Operator o) throws SQLException {
        return jdbc.update("UPDATE operators SET password_hash = ?, created_at = ?, disabled = ? WHERE name = ?",
                o.passwordHash(), Jdbc.timestamp(o.created()), o.disabled(), o.name());
    }

    @Override
    public Optional<ApiToken> findToken(String tokenHash) {
        return jdbc.query(TOKEN + " WHERE token_hash = ?", JdbcOperatorDirectory::token, tokenHash).stream()
                .findFirst();
    }

    @Override
    public List<ApiToken> tokensOf(String operator) {
        return jdbc.query(TOKEN + " WHERE operator = ? ORDER BY created_at, id", JdbcOperatorDirectory::token,
                operator);
    }

    @Override
    public void saveToken(ApiToken t) {
        try {
            jdbc.update("INSERT INTO operator_api_tokens (id, operator, label, token_hash, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)", t.id(), t.operator(), Jdbc.clip(t.label(), 256), t.tokenHash(),
                    Jdbc.timestamp(t.created()));
        } catch (SQLException e) {
            throw jdbc.failure(e);
        }
    }

    @Override
    public void deleteToken(String id) {
        try {
            jdbc.update("DELETE FROM operator_api_tokens WHERE id = ?", id);
        } catch (SQLException e) {
            throw jdbc.failure(e);
        }
    }

    private static Operator operator(ResultSet rs) throws SQLException {
        return new Operator(rs.getString("name"), rs.getString("password_hash"), Jdbc.instant(rs, "created_at"),
                rs.getBoolean("disabled"));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString("id"), rs.getString("operator"), rs.getString("label"),
                rs.getString("token_hash"), Jdbc.instant(rs, "created_at"));
    }
}
