package org.openspime.web.operator;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Operator sign-in and API tokens over an {@link OperatorDirectory}. The gate calls
 * {@link #ensureFirstAdmin()} on start and prints the password it returns; {@link #create} backs the
 * CLI's "set the admin password".
 */
public final class OperatorAccounts {

    public static final String FIRST_ADMIN = "admin";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MIN_PASSWORD = 12;

    private final OperatorDirectory directory;
    private final PasswordHashing hashing;
    private final Clock clock;
    /** Verified against for unknown names so a wrong name costs as long as a wrong password. */
    private final String decoyHash;

    public OperatorAccounts(OperatorDirectory directory, PasswordHashing hashing, Clock clock) {
        this.directory = directory;
        this.hashing = hashing;
        this.clock = clock;
        this.decoyHash = hashing.hash(Secrets.random(16));
    }

    /** Creates {@value #FIRST_ADMIN} with a generated password when there is no operator at all. */
    public synchronized Optional<String> ensureFirstAdmin() {
        if (!directory.list().isEmpty()) {
            return Optional.empty();
        }
        String password = Secrets.password(15);
        create(FIRST_ADMIN, password);
        return Optional.of(password);
    }

    /** Creates or replaces an operator with the given password. */
    public void create(String name, String password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An operator name is 1-64 letters, digits, '.', '_' or '-'.");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("An operator password has at least " + MIN_PASSWORD + " characters.");
        }
        directory.save(new Operator(name, hashing.hash(password), clock.instant(), false));
    }

    public Optional<Operator> authenticate(String name, String password) {
        Optional<Operator> found = name == null ? Optional.empty() : directory.find(name.trim());
        String hash = found.map(Operator::passwordHash).orElse(decoyHash);
        boolean ok = password != null && hashing.matches(password, hash);
        return found.filter(o -> ok && !o.disabled());
    }

    /** Issues a bearer token for scripts; the secret is returned here only. */
    public IssuedToken createToken(String operator, String label) {
        String secret = "osp_" + Secrets.random(32);
        String text = label == null || label.isBlank() ? "unnamed" : label.strip();
        ApiToken token = new ApiToken(Secrets.random(6), operator, text, Secrets.sha256Hex(secret), clock.instant());
        directory.saveToken(token);
        return new IssuedToken(token, secret);
    }

    /** The operator a bearer token acts for, if the token is known and its operator may still sign in. */
    public Optional<Operator> operatorForToken(String secret) {
        if (secret == null || !secret.startsWith("osp_")) {
            return Optional.empty();
        }
        return directory.findToken(Secrets.sha256Hex(secret))
                .flatMap(t -> directory.find(t.operator()))
                .filter(o -> !o.disabled());
    }

    public List<ApiToken> tokensOf(String operator) {
        return directory.tokensOf(operator);
    }

    /** Revokes one of the operator's own tokens; returns false when it has no token with that id. */
    public boolean revokeToken(String operator, String id) {
        boolean owned = directory.tokensOf(operator).stream().anyMatch(t -> t.id().equals(id));
        if (owned) {
            directory.deleteToken(id);
        }
        return owned;
    }

    /** A freshly created token and its secret, which is shown once. */
    public record IssuedToken(ApiToken token, String secret) {
    }
}
