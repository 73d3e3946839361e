package org.openspime.gate.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openspime.gate.credentials.ScramAlgorithm;
import org.openspime.gate.credentials.ScramCredentials;

/**
 * Persistence of accounts, OSIDs, credentials and the change log. It stores what it is given: validation and
 * policy live in {@link IdentityRegistry}. Every mutation appends its change-log rows in the same transaction,
 * stamped with {@code origin}, so a change is never visible without its news or the other way round.
 */
public interface IdentityStore {

    Optional<Identity> find(Jid jid);

    /** The OSIDs registered under an account, ordered by JID. */
    List<Identity> underAccount(Jid account);

    boolean accountExists(Jid account);

    /**
     * Registers an OSID, creating its account first when {@code newAccountCredentials} is not null.
     *
     * @throws IdentityException if the OSID is already registered, or the account is missing/present contrary to
     *                           what {@code newAccountCredentials} says
     */
    void insert(Identity identity, Collection<ScramCredentials> newAccountCredentials, String origin);

    /** Sets the state of the given OSIDs; returns those that changed. */
    List<Jid> setState(Collection<Jid> osids, IdentityState state, String origin);

    /** Replaces all verifiers of an account. */
    void replaceCredentials(Jid account, Collection<ScramCredentials> credentials, String origin);

    Optional<ScramCredentials> credentials(Jid account, ScramAlgorithm algorithm);

    /** Deletes one OSID, and its account (credentials, roster) when no other OSID is left under it. */
    void deleteOsid(Jid osid, String origin);

    /** Deletes an account with all its OSIDs, credentials and roster. */
    void deleteAccount(Jid account, String origin);

    List<Identity> list(IdentityQuery query);

    long count(IdentityQuery query);

    /** Change-log rows with an id greater than {@code afterId}, oldest first, at most {@code limit}. */
    List<IdentityChange> changesAfter(long afterId, int limit);

    /** The highest change-log id so far, 0 when empty. */
    long lastChangeId();
}
