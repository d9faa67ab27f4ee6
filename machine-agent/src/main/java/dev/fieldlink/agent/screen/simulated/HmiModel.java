package dev.fieldlink.agent.screen.simulated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The simulated machine's state: page shown, production state, job queue, alarms, settings, and sensor values
 * derived from the injected clock. Not thread-safe: {@link SimulatedHmi} guards it.
 */
public final class HmiModel {
    /** The HMI's pages, in navigation order. */
    public enum Page {
        STATUS("Status"),
        JOBS("Jobs"),
        ALARMS("Alarms"),
        DIAGNOSTICS("Diagnostics"),
        SETTINGS("Settings");

        private final String title;

        Page(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Tabs of the diagnostics page. */
    public enum DiagnosticsTab {
        SENSORS("Sensors"),
        MOTORS("Motors"),
        IO("I/O");

        private final String title;

        DiagnosticsTab(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Production state. */
    public enum State {
        RUNNING,
        IDLE,
        FAULT
    }

    /** A job of the queue. */
    public static final class Job {
        final String name;
        final String material;
        final int quantity;
        double done;

        Job(String name, String material, int quantity) {
            this.name = name;
            this.material = material;
            this.quantity = quantity;
        }

        public String name() {
            return name;
        }

        public String material() {
            return material;
        }

        public int quantity() {
            return quantity;
        }

        public int done() {
            return (int) Math.min(quantity, done);
        }
    }

    /** An alarm: raised by a fault, cleared when acknowledged after the fault is gone. */
    public record Alarm(Fault fault, Instant raised, boolean acknowledged) {}

    private final MachineProfile profile;
    private final String machineName;
    private final Clock clock;
    private final List<Job> jobs = new ArrayList<>();
    private final List<Alarm> alarms = new ArrayList<>();
    private final List<Fault> activeFaults = new ArrayList<>();
    private final Map<String, Integer> settings = new LinkedHashMap<>();
    private Page page = Page.STATUS;
    private DiagnosticsTab tab = DiagnosticsTab.SENSORS;
    private State state = State.RUNNING;
    private Instant lastAdvance;
    private long totalUnits = 184_213;
    private String mark;

    public HmiModel(MachineProfile profile, String machineName, Clock clock) {
        this.profile = Objects.requireNonNull(profile);
        this.machineName = machineName;
        this.clock = clock;
        for (String[] j : profile.jobs()) {
            jobs.add(new Job(j[0], j[1], Integer.parseInt(j[2])));
        }
        jobs.get(0).done = jobs.get(0).quantity * 0.42;
        for (MachineProfile.Setting s : profile.settings()) {
            settings.put(s.name(), s.value());
        }
        lastAdvance = clock.instant();
    }

    public MachineProfile profile() {
        return profile;
    }

    public String machineName() {
        return machineName;
    }

    public Instant now() {
        return clock.instant();
    }

    /** A mark drawn in the header (e.g. {@code SANDBOX}), or null. */
    public String mark() {
        return mark;
    }

    public void setMark(String text) {
        mark = text;
    }

    public Page page() {
        return page;
    }

    public void show(Page p) {
        page = p;
    }

    public DiagnosticsTab tab() {
        return tab;
    }

    public void showTab(DiagnosticsTab t) {
        page = Page.DIAGNOSTICS;
        tab = t;
    }

    public State state() {
        return state;
    }

    public List<Job> jobs() {
        return jobs;
    }

    public List<Alarm> alarms() {
        return alarms;
    }

    public List<Fault> activeFaults() {
        return activeFaults;
    }

    public long totalUnits() {
        return totalUnits;
    }

    public int setting(String name) {
        return settings.get(name);
    }

    /** Unacknowledged alarms. */
    public long openAlarms() {
        return alarms.stream().filter(a -> !a.acknowledged()).count();
    }

    /** Advances production to the clock's now. */
    public void advance() {
        Instant now = clock.instant();
        double hours = Math.max(0, Duration.between(lastAdvance, now).toMillis()) / 3_600_000.0;
        lastAdvance = now;
        if (state != State.RUNNING || jobs.isEmpty()) {
            return;
        }
        double units = hours * profile.unitsPerHour();
        Job current = jobs.get(0);
        double before = current.done;
        current.done = Math.min(current.quantity, current.done + units);
        totalUnits += (long) (current.done - before);
        if (current.done >= current.quantity) {
            jobs.remove(0);
            jobs.add(new Job(current.name, current.material, current.quantity));
        }
    }

    /** Sensor value now, including the offset of any active fault on it. */
    public double sensorValue(Sensor sensor) {
        double offset = activeFaults.stream()
                .filter(f -> sensor.name().equals(f.sensor()))
                .mapToDouble(Fault::offset)
                .sum();
        return sensor.valueAt(clock.millis() / 1000.0, offset);
    }

    public void start() {
        if (activeFaults.stream().noneMatch(Fault::stopsMachine)) {
            state = State.RUNNING;
            lastAdvance = clock.instant();
        }
    }

    public void stop() {
        if (state == State.RUNNING) {
            state = State.IDLE;
        }
    }

    /** Raises a fault: an alarm, and a stop if it is severe. */
    public void inject(Fault fault) {
        if (!activeFaults.contains(fault)) {
            activeFaults.add(fault);
            alarms.add(0, new Alarm(fault, clock.instant(), false));
            if (fault.stopsMachine()) {
                state = State.FAULT;
            }
        }
    }

    /** Removes a fault's cause; its alarm stays until acknowledged. */
    public void clear(Fault fault) {
        activeFaults.remove(fault);
        if (state == State.FAULT && activeFaults.stream().noneMatch(Fault::stopsMachine)) {
            state = State.IDLE;
        }
    }

    /** Acknowledges every alarm; alarms of faults gone are removed. */
    public void acknowledgeAlarms() {
        alarms.replaceAll(a -> new Alarm(a.fault(), a.raised(), true));
        alarms.removeIf(a -> !activeFaults.contains(a.fault()));
    }

    /** Moves a setting by its step, within its limits. */
    public void adjust(String name, int direction) {
        MachineProfile.Setting s = profile.settings().stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow();
        int value = settings.get(name) + direction * s.step();
        settings.put(name, Math.max(s.min(), Math.min(s.max(), value)));
    }

    /** Moves the job at {@code index} to the top of the queue. */
    public void prioritise(int index) {
        if (index > 0 && index < jobs.size()) {
            jobs.add(0, jobs.remove(index));
        }
    }
}
