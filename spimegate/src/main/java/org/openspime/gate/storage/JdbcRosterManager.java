package org.openspime.gate.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.modules.roster.AskSubscriptionType;
import org.apache.vysper.xmpp.modules.roster.MutableRoster;
import org.apache.vysper.xmpp.modules.roster.Roster;
import org.apache.vysper.xmpp.modules.roster.RosterException;
import org.apache.vysper.xmpp.modules.roster.RosterGroup;
import org.apache.vysper.xmpp.modules.roster.RosterItem;
import org.apache.vysper.xmpp.modules.roster.SubscriptionType;
import org.apache.vysper.xmpp.modules.roster.persistence.RosterManager;

/**
 * Rosters in the {@code roster_items} / {@code roster_groups} tables. Vysper changes a {@link RosterItem} in
 * memory (subscription state, groups, name) and then calls {@link #addContact} with it, so every call here writes
 * the whole item: the row is updated or inserted and its groups replaced, in one transaction.
 *
 * <p>Thread-safe; the database serialises concurrent writes to one item. Unlike Vysper's in-memory manager,
 * {@link #removeContact} really removes.
 */
public final class JdbcRosterManager implements RosterManager {
    private final DataSource dataSource;

    public JdbcRosterManager(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Roster retrieve(Entity jid) throws RosterException {
        String owner = key(jid);
        Map<String, RosterItem> items = new LinkedHashMap<>();
        Map<String, List<RosterGroup>> groups = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT contact_jid, group_name FROM roster_groups"
                    + " WHERE owner_jid = ? ORDER BY contact_jid, group_name")) {
                ps.setString(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new RosterGroup(rs.getString(2)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT contact_jid, name, subscription, ask"
                    + " FROM roster_items WHERE owner_jid = ? ORDER BY contact_jid")) {
                ps.setString(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String contact = rs.getString(1);
                        items.put(contact, item(rs, groups.getOrDefault(contact, List.of())));
                    }
                }
            }
        } catch (SQLException e) {
            throw new RosterException("cannot read the roster of " + owner + ": " + e.getMessage(), e);
        }
        MutableRoster roster = new MutableRoster();
        items.values().forEach(roster::addItem);
        return roster;
    }

    @Override
    public void addContact(Entity jid, RosterItem item) throws RosterException {
        if (jid == null || item == null || item.getJid() == null) {
            throw new RosterException("owner and contact are required");
        }
        if (item.getSubscriptionType() == SubscriptionType.REMOVE) {
            removeContact(jid, item.getJid());
            return;
        }
        String owner = key(jid);
        String contact = key(item.getJid());
        String subscription = (item.getSubscriptionType() == null ? SubscriptionType.NONE
                : item.getSubscriptionType()).value();
        String ask = item.getAskSubscriptionType() == null ? null : item.getAskSubscriptionType().value();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n;
                try (PreparedStatement ps = c.prepareStatement("UPDATE roster_items SET name = ?, subscription = ?,"
                        + " ask = ? WHERE owner_jid = ? AND contact_jid = ?")) {
                    ps.setString(1, item.getName());
                    ps.setString(2, subscription);
                    ps.setString(3, ask);
                    ps.setString(4, owner);
                    ps.setString(5, contact);
                    n = ps.executeUpdate();
                }
                if (n == 0) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO roster_items"
                            + " (owner_jid, contact_jid, name, subscription, ask) VALUES (?, ?, ?, ?, ?)")) {
                        ps.setString(1, owner);
                        ps.setString(2, contact);
                        ps.setString(3, item.getName());
                        ps.setString(4, subscription);
                        ps.setString(5, ask);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM roster_groups WHERE owner_jid = ? AND contact_jid = ?")) {
                    ps.setString(1, owner);
                    ps.setString(2, contact);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO roster_groups (owner_jid, contact_jid, group_name) VALUES (?, ?, ?)")) {
                    for (String group : item.getGroups().stream().map(RosterGroup::getName).distinct().toList()) {
                        ps.setString(1, owner);
                        ps.setString(2, contact);
                        ps.setString(3, group);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RosterException("cannot store " + contact + " in the roster of " + owner + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public RosterItem getContact(Entity jidUser, Entity jidContact) throws RosterException {
        if (jidUser == null || jidContact == null) {
            throw new RosterException("owner and contact are required");
        }
        return retrieve(jidUser).getEntry(jidContact.getBareJID());
    }

    @Override
    public void removeContact(Entity jid, Entity jidContact) throws RosterException {
        if (jid == null || jidContact == null) {
            throw new RosterException("owner and contact are required");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "DELETE FROM roster_items WHERE owner_jid = ? AND contact_jid = ?")) {
            ps.setString(1, key(jid));
            ps.setString(2, key(jidContact));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new RosterException("cannot remove " + key(jidContact) + " from the roster of " + key(jid), e);
        }
    }

    private static RosterItem item(ResultSet rs, List<RosterGroup> groups) throws SQLException {
        return new RosterItem(EntityImpl.parseUnchecked(rs.getString(1)), rs.getString(2),
                subscription(rs.getString(3)), ask(rs.getString(4)), groups);
    }

    private static SubscriptionType subscription(String value) {
        for (SubscriptionType t : SubscriptionType.values()) {
            if (t.value().equals(value)) {
                return t;
            }
        }
        return SubscriptionType.NONE;
    }

    private static AskSubscriptionType ask(String value) {
        for (AskSubscriptionType t : AskSubscriptionType.values()) {
            if (value != null && value.equals(t.value())) {
                return t;
            }
        }
        return AskSubscriptionType.NOT_SET;
    }

    private static String key(Entity jid) {
        return jid.getBareJID().getFullQualifiedName();
    }
}
