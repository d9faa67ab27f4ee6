package dev.fieldlink.sandbox;

import java.util.List;

/**
 * A machine of the simulated fleet.
 *
 * @param region a region id of the bundled default policy (a leaf such as {@code DE} or {@code US})
 * @param productLine {@code digital-cutter}, {@code printing-press} or {@code packaging-line}
 * @param behaviour what happens when a technician asks for a session
 * @param faults alarm codes injected into the simulated HMI at start (e.g. {@code E-214}); empty for a healthy machine
 */
public record SandboxMachine(
        String id,
        String name,
        String customer,
        String site,
        String region,
        String productLine,
        String model,
        Behaviour behaviour,
        List<String> faults) {
    public SandboxMachine {
        faults = List.copyOf(faults);
    }

    /** What the machine's operator (or the machine) does with a session request. */
    public enum Behaviour {
        /** The simulated operator allows the requested time after the consent delay. */
        APPROVES,
        /** The simulated operator declines after the consent delay. */
        DECLINES,
        /** Nobody answers: the request expires after the consent timeout. */
        NEVER_ANSWERS,
        /** No agent runs: the machine is offline. */
        OFFLINE,
        /** The customer switched remote service off: requests are refused (409). */
        REMOTE_SERVICE_OFF
    }

    /** True when an agent runs for this machine and should be online at the relay. */
    public boolean online() {
        return behaviour != Behaviour.OFFLINE;
    }
}
