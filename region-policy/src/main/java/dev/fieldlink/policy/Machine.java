package dev.fieldlink.policy;

import dev.fieldlink.protocol.CustomerSwitches;
import java.util.Objects;

/**
 * A machine as the policy sees it.
 *
 * @param region the region id the machine stands in
 * @param productLine the product-line id, e.g. {@code digital-cutter}
 * @param switches what the customer allows at the machine
 */
public record Machine(
        String id,
        String serial,
        String customer,
        String site,
        String region,
        String productLine,
        String model,
        CustomerSwitches switches) {
    public Machine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(productLine, "productLine");
        Objects.requireNonNull(switches, "switches");
    }

    public Machine withSwitches(CustomerSwitches newSwitches) {
        return new Machine(id, serial, customer, site, region, productLine, model, newSwitches);
    }
}
