package dev.fieldlink.relay.machine;

import dev.fieldlink.policy.Machine;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.api.MachineView;
import java.time.Instant;
import java.util.Objects;

/**
 * A machine as the relay stores it.
 *
 * @param maxSessionMinutes the longest session the machine's owner allows
 * @param publicKey the agent's registered public key (OpenSSH format), or null before enrolment
 * @param keyFingerprint {@code SHA256:...} of {@code publicKey}, or null
 * @param lastSeen the last time the agent was connected, or null
 */
public record MachineRecord(
        String id,
        String serial,
        String name,
        String customer,
        String site,
        String region,
        String productLine,
        String model,
        CustomerSwitches switches,
        int maxSessionMinutes,
        String publicKey,
        String keyFingerprint,
        Instant lastSeen,
        Instant createdAt) {
    public MachineRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(switches, "switches");
    }

    /** The machine as the region policy sees it. */
    public Machine toPolicy() {
        return new Machine(id, serial, customer, site, region, productLine, model, switches);
    }

    /** The machine as the API shows it, with the live online state. */
    public MachineView toView(boolean online) {
        return new MachineView(
                id,
                serial,
                name,
                customer,
                site,
                region,
                productLine,
                model,
                online,
                lastSeen,
                switches,
                maxSessionMinutes);
    }

    public MachineRecord withSwitches(CustomerSwitches s) {
        return new MachineRecord(
                id,
                serial,
                name,
                customer,
                site,
                region,
                productLine,
                model,
                s,
                maxSessionMinutes,
                publicKey,
                keyFingerprint,
                lastSeen,
                createdAt);
    }
}
