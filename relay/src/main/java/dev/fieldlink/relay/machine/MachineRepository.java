package dev.fieldlink.relay.machine;

import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.relay.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Machines in the database. Thread-safe. */
public final class MachineRepository {
    private final Jdbc jdbc;

    public MachineRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MachineRecord m) {
        jdbc.update(
                "INSERT INTO machines (id, serial, name, customer, site, region, product_line, model, remote_service, "
                        + "file_transfer, data_upload, max_session_minutes, public_key, key_fingerprint, last_seen, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.id(),
                m.serial(),
                m.name(),
                m.customer(),
                m.site(),
                m.region(),
                m.productLine(),
                m.model(),
                m.switches().remoteService(),
                m.switches().fileTransfer(),
                m.switches().dataUpload(),
                m.maxSessionMinutes(),
                m.publicKey(),
                m.keyFingerprint(),
                m.lastSeen(),
                m.createdAt());
    }

    public Optional<MachineRecord> find(String id) {
        return jdbc.queryOne("SELECT * FROM machines WHERE id = ?", MachineRepository::row, id);
    }

    /** Every machine ordered by id. */
    public List<MachineRecord> list() {
        return jdbc.query("SELECT * FROM machines ORDER BY id", MachineRepository::row);
    }

    /**
     * Machines whose region is one of {@code regions} and whose product line is one of {@code productLines}: the
     * coarse filter before the policy decides per machine. Empty collections match nothing.
     */
    public List<MachineRecord> listIn(Collection<String> regions, Collection<String> productLines) {
        if (regions.isEmpty() || productLines.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(regions);
        params.addAll(productLines);
        return jdbc.query(
                "SELECT * FROM machines WHERE region IN (" + marks(regions.size()) + ") AND product_line IN ("
                        + marks(productLines.size()) + ") ORDER BY id",
                MachineRepository::row,
                params.toArray());
    }

    public void updateSwitches(String id, CustomerSwitches s) {
        jdbc.update(
                "UPDATE machines SET remote_service = ?, file_transfer = ?, data_upload = ? WHERE id = ?",
                s.remoteService(),
                s.fileTransfer(),
                s.dataUpload(),
                id);
    }

    /** Registers (or replaces) the agent's public key. */
    public void setPublicKey(String id, String openSshKey, String fingerprint) {
        jdbc.update(
                "UPDATE machines SET public_key = ?, key_fingerprint = ? WHERE id = ?", openSshKey, fingerprint, id);
    }

    public void touchLastSeen(String id, Instant at) {
        jdbc.update("UPDATE machines SET last_seen = ? WHERE id = ?", at, id);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static MachineRecord row(ResultSet rs) throws SQLException {
        return new MachineRecord(
                rs.getString("id"),
                rs.getString("serial"),
                rs.getString("name"),
                rs.getString("customer"),
                rs.getString("site"),
                rs.getString("region"),
                rs.getString("product_line"),
                rs.getString("model"),
                new CustomerSwitches(
                        rs.getBoolean("remote_service"), rs.getBoolean("file_transfer"), rs.getBoolean("data_upload")),
                rs.getInt("max_session_minutes"),
                rs.getString("public_key"),
                rs.getString("key_fingerprint"),
                Jdbc.instant(rs, "last_seen"),
                Jdbc.instant(rs, "created_at"));
    }
}
