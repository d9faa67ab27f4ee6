package dev.fieldlink.relay.admin;

import dev.fieldlink.protocol.CustomerSwitches;

/**
 * A machine to register.
 *
 * @param id lower-case letters, digits and {@code -}, 1 to 63; the agent's SSH user name
 * @param region a region id of the policy
 * @param productLine a product-line id of the policy
 * @param switches the customer's switches as agreed; the agent reports changes later
 * @param maxSessionMinutes the longest session the owner allows (1 to 1440)
 */
public record NewMachine(
        String id,
        String serial,
        String name,
        String customer,
        String site,
        String region,
        String productLine,
        String model,
        CustomerSwitches switches,
        int maxSessionMinutes) {}
