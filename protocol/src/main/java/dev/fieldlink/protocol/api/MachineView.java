package dev.fieldlink.protocol.api;

import dev.fieldlink.protocol.CustomerSwitches;
import java.time.Instant;

/**
 * A machine as a technician sees it in {@code GET machines}. {@code lastSeen} is null for a machine that never
 * connected.
 */
public record MachineView(
        String id,
        String serial,
        String name,
        String customer,
        String site,
        String region,
        String productLine,
        String model,
        boolean online,
        Instant lastSeen,
        CustomerSwitches switches,
        int maxSessionMinutes) {}
