package dev.fieldlink.relay.account;

import dev.fieldlink.policy.AccountState;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.relay.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Accounts and their credentials in the database. Thread-safe. */
public final class AccountRepository {
    private static final String COLUMNS = "t.id, t.username, t.display_name, t.company, t.roles, t.state, "
            + "t.undertaking_signed_on, t.photo_png IS NOT NULL AS has_photo, t.created_at";

    private final Jdbc jdbc;

    public AccountRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new account with its credentials, regions and certifications in one transaction. */
    public void insert(Account a, String passwordHash, String sealedTotpSecret, byte[] photoPng, Instant now) {
        jdbc.inTransaction(() -> {
            jdbc.update(
                    "INSERT INTO technicians (id, username, display_name, company, roles, state, "
                            + "undertaking_signed_on, photo_png, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    a.id(),
                    a.username(),
                    a.displayName(),
                    a.company(),
                    rolesText(a.roles()),
                    a.state(),
                    a.undertakingSignedOn(),
                    photoPng,
                    now,
                    now);
            jdbc.update(
                    "INSERT INTO credentials (technician_id, password_hash, totp_secret, last_totp_step, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    a.id(),
                    passwordHash,
                    sealedTotpSecret,
                    null,
                    now);
            writeRegions(a.id(), a.regions());
            writeCertifications(a.id(), a.certifications());
            return null;
        });
    }

    public Optional<Account> findById(String id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM technicians t WHERE t.id = ?", this::row, id)
                .map(this::withEntitlements);
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM technicians t WHERE t.username = ?", this::row, username)
                .map(this::withEntitlements);
    }

    /** The account with its credentials, for sign-in. */
    public Optional<StoredCredentials> credentialsByUsername(String username) {
        return jdbc.queryOne(
                        "SELECT " + COLUMNS + ", c.password_hash, c.totp_secret FROM technicians t "
                                + "JOIN credentials c ON c.technician_id = t.id WHERE t.username = ?",
                        rs -> new StoredCredentials(
                                row(rs), rs.getString("password_hash"), rs.getString("totp_secret")),
                        username)
                .map(c -> new StoredCredentials(withEntitlements(c.account()), c.passwordHash(), c.sealedTotpSecret()));
    }

    /** Every account, ordered by username. */
    public List<Account> list() {
        List<Account> accounts = jdbc.query("SELECT " + COLUMNS + " FROM technicians t ORDER BY t.username", this::row);
        Map<String, Set<String>> regions = new HashMap<>();
        jdbc.query("SELECT technician_id, region FROM technician_regions", rs -> {
            regions.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            return null;
        });
        Map<String, Map<String, LocalDate>> certs = new HashMap<>();
        jdbc.query("SELECT technician_id, product_line, expires_on FROM certifications", rs -> {
            certs.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                    .put(rs.getString(2), Jdbc.date(rs, "expires_on"));
            return null;
        });
        List<Account> out = new ArrayList<>(accounts.size());
        for (Account a : accounts) {
            out.add(with(a, regions.getOrDefault(a.id(), Set.of()), certs.getOrDefault(a.id(), Map.of())));
        }
        return out;
    }

    public void updatePasswordHash(String id, String hash, Instant now) {
        jdbc.update("UPDATE credentials SET password_hash = ?, updated_at = ? WHERE technician_id = ?", hash, now, id);
    }

    /** Replaces the TOTP secret and forgets the last used step. */
    public void updateTotpSecret(String id, String sealed, Instant now) {
        jdbc.update(
                "UPDATE credentials SET totp_secret = ?, last_totp_step = NULL, updated_at = ? WHERE technician_id = ?",
                sealed,
                now,
                id);
    }

    /** Replaces profile, roles, state, undertaking, regions and certifications of an existing account. */
    public void update(Account a, Instant now) {
        jdbc.inTransaction(() -> {
            int rows = jdbc.update(
                    "UPDATE technicians SET display_name = ?, company = ?, roles = ?, state = ?, "
                            + "undertaking_signed_on = ?, updated_at = ? WHERE id = ?",
                    a.displayName(),
                    a.company(),
                    rolesText(a.roles()),
                    a.state(),
                    a.undertakingSignedOn(),
                    now,
                    a.id());
            if (rows != 1) {
                throw new IllegalStateException("no account " + a.id());
            }
            jdbc.update("DELETE FROM technician_regions WHERE technician_id = ?", a.id());
            jdbc.update("DELETE FROM certifications WHERE technician_id = ?", a.id());
            writeRegions(a.id(), a.regions());
            writeCertifications(a.id(), a.certifications());
            return null;
        });
    }

    public void setPhoto(String id, byte[] png, Instant now) {
        jdbc.update("UPDATE technicians SET photo_png = ?, updated_at = ? WHERE id = ?", png, now, id);
    }

    /** The stored photo (PNG), if any. */
    public Optional<byte[]> photo(String id) {
        return jdbc.queryOne("SELECT photo_png FROM technicians WHERE id = ?", rs -> rs.getBytes(1), id)
                .filter(b -> b != null);
    }

    /** Atomically records the TOTP step as used if it is later than the last one. */
    public boolean tryAdvanceTotpStep(String id, long step) {
        return jdbc.update(
                        "UPDATE credentials SET last_totp_step = ? WHERE technician_id = ? "
                                + "AND (last_totp_step IS NULL OR last_totp_step < ?)",
                        step,
                        id,
                        step)
                == 1;
    }

    private void writeRegions(String id, Set<String> regions) {
        for (String r : new java.util.TreeSet<>(regions)) {
            jdbc.update("INSERT INTO technician_regions (technician_id, region) VALUES (?, ?)", id, r);
        }
    }

    private void writeCertifications(String id, Map<String, LocalDate> certs) {
        for (Map.Entry<String, LocalDate> e : new TreeMap<>(certs).entrySet()) {
            jdbc.update(
                    "INSERT INTO certifications (technician_id, product_line, expires_on) VALUES (?, ?, ?)",
                    id,
                    e.getKey(),
                    e.getValue());
        }
    }

    private Account withEntitlements(Account a) {
        Set<String> regions = new HashSet<>(jdbc.query(
                "SELECT region FROM technician_regions WHERE technician_id = ?", rs -> rs.getString(1), a.id()));
        Map<String, LocalDate> certs = new TreeMap<>();
        jdbc.query(
                "SELECT product_line, expires_on FROM certifications WHERE technician_id = ?",
                rs -> certs.put(rs.getString(1), Jdbc.date(rs, "expires_on")),
                a.id());
        return with(a, regions, certs);
    }

    private static Account with(Account a, Set<String> regions, Map<String, LocalDate> certs) {
        return new Account(
                a.id(),
                a.username(),
                a.displayName(),
                a.company(),
                a.roles(),
                a.state(),
                a.undertakingSignedOn(),
                regions,
                certs,
                a.hasPhoto(),
                a.createdAt());
    }

    private Account row(ResultSet rs) throws SQLException {
        return new Account(
                rs.getString("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("company"),
                parseRoles(rs.getString("roles")),
                AccountState.valueOf(rs.getString("state")),
                Jdbc.date(rs, "undertaking_signed_on"),
                Set.of(),
                Map.of(),
                rs.getBoolean("has_photo"),
                Jdbc.instant(rs, "created_at"));
    }

    private static String rolesText(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> parseRoles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : text.split(",")) {
            if (!r.isBlank()) {
                roles.add(Role.valueOf(r.trim()));
            }
        }
        return roles;
    }
}
