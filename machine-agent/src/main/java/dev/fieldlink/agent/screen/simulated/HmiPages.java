package dev.fieldlink.agent.screen.simulated;

import dev.fieldlink.agent.screen.simulated.HmiModel.DiagnosticsTab;
import dev.fieldlink.agent.screen.simulated.HmiModel.State;
import java.awt.Color;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Draws the body of the page the model shows. */
final class HmiPages {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Draw d;
    private final HmiModel m;

    HmiPages(Draw d, HmiModel m) {
        this.d = d;
        this.m = m;
    }

    void draw(int x, int y, int w, int h) {
        switch (m.page()) {
            case STATUS -> status(x, y, w, h);
            case JOBS -> jobs(x, y, w, h);
            case ALARMS -> alarms(x, y, w, h);
            case DIAGNOSTICS -> diagnostics(x, y, w, h);
            case SETTINGS -> settings(x, y, w, h);
        }
    }

    private void status(int x, int y, int w, int h) {
        int half = (w - 20) / 2;
        d.card(x, y, half, 300, "Production");
        State s = m.state();
        Color c = s == State.RUNNING ? Palette.RUNNING : s == State.IDLE ? Palette.IDLE : Palette.FAULT;
        d.text(s.name(), x + 16, y + 90, Palette.BIG, c);
        HmiModel.Job job = m.jobs().get(0);
        d.text("Current job", x + 16, y + 130, Palette.SMALL, Palette.MUTED);
        d.text(job.name(), x + 16, y + 152, Palette.BODY_BOLD, Palette.TEXT);
        d.text(job.material(), x + 16, y + 172, Palette.BODY, Palette.MUTED);
        d.progress(x + 16, y + 186, half - 32, 14, job.done() / (double) job.quantity(), Palette.ACCENT);
        d.text(String.format("%,d of %,d", job.done(), job.quantity()), x + 16, y + 222, Palette.BODY, Palette.TEXT);
        d.button(x + 16, y + 240, 140, 44, "Start", "Status > Start", Palette.RUNNING, Color.WHITE, m::start);
        d.button(x + 170, y + 240, 140, 44, "Stop", "Status > Stop", Palette.FAULT, Color.WHITE, m::stop);

        int rx = x + half + 20;
        d.card(rx, y, half, 300, "Key values");
        List<Sensor> sensors = m.profile().sensors();
        for (int i = 0; i < 4; i++) {
            Sensor sensor = sensors.get(i);
            int tx = rx + 16 + (i % 2) * (half / 2 - 8);
            int ty = y + 50 + (i / 2) * 120;
            double v = m.sensorValue(sensor);
            d.text(sensor.name(), tx, ty + 16, Palette.SMALL, Palette.MUTED);
            d.text(sensor.format(v), tx, ty + 58, Palette.BIG, sensor.inRange(v) ? Palette.TEXT : Palette.FAULT);
            d.text(sensor.unit(), tx, ty + 82, Palette.BODY, Palette.MUTED);
        }

        d.card(x, y + 320, w, h - 320, "Queue");
        int row = y + 370;
        for (int i = 0; i < Math.min(4, m.jobs().size()); i++) {
            HmiModel.Job j = m.jobs().get(i);
            d.text((i + 1) + ".  " + j.name(), x + 16, row, Palette.BODY, Palette.TEXT);
            d.text(j.material(), x + 400, row, Palette.BODY, Palette.MUTED);
            d.textRight(String.format("%,d", j.quantity()), x + w - 16, row, Palette.BODY, Palette.TEXT);
            row += 28;
        }
    }

    private void jobs(int x, int y, int w, int h) {
        d.card(x, y, w, h, "Job queue");
        int row = y + 60;
        d.text("#", x + 16, row, Palette.SMALL, Palette.MUTED);
        d.text("Job", x + 50, row, Palette.SMALL, Palette.MUTED);
        d.text("Material", x + 330, row, Palette.SMALL, Palette.MUTED);
        d.text("Progress", x + 560, row, Palette.SMALL, Palette.MUTED);
        row += 16;
        List<HmiModel.Job> jobs = m.jobs();
        for (int i = 0; i < jobs.size(); i++) {
            HmiModel.Job j = jobs.get(i);
            if (i % 2 == 1) {
                d.g().setColor(Palette.ROW_ALT);
                d.g().fillRect(x + 1, row, w - 2, 64);
            }
            d.text(Integer.toString(i + 1), x + 16, row + 38, Palette.BODY_BOLD, Palette.TEXT);
            d.text(j.name(), x + 50, row + 38, Palette.BODY_BOLD, Palette.TEXT);
            d.text(j.material(), x + 330, row + 38, Palette.BODY, Palette.MUTED);
            d.progress(
                    x + 560,
                    row + 26,
                    200,
                    12,
                    j.done() / (double) j.quantity(),
                    i == 0 ? Palette.ACCENT : Palette.MUTED);
            d.text(String.format("%,d / %,d", j.done(), j.quantity()), x + 775, row + 38, Palette.BODY, Palette.TEXT);
            if (i > 0) {
                int index = i;
                d.button(
                        x + w - 150,
                        row + 12,
                        134,
                        40,
                        "Move to top",
                        "Jobs > Move to top: " + j.name(),
                        Palette.BUTTON,
                        Palette.TEXT,
                        () -> m.prioritise(index));
            }
            row += 64;
        }
    }

    private void alarms(int x, int y, int w, int h) {
        d.card(x, y, w, h, "Alarms");
        d.button(
                x + w - 196,
                y + 12,
                180,
                40,
                "Acknowledge all",
                "Alarms > Acknowledge all",
                Palette.ACCENT,
                Color.WHITE,
                m::acknowledgeAlarms);
        int row = y + 80;
        if (m.alarms().isEmpty()) {
            d.text("No alarms. The machine reports no faults.", x + 16, row, Palette.BODY, Palette.MUTED);
            return;
        }
        for (HmiModel.Alarm a : m.alarms()) {
            boolean active = m.activeFaults().contains(a.fault());
            Color c = a.fault().code().startsWith("E") ? Palette.FAULT : Palette.IDLE;
            d.dot(x + 28, row - 5, 8, a.acknowledged() ? Palette.MUTED : c);
            d.text(TIME.format(a.raised()), x + 48, row, Palette.BODY, Palette.MUTED);
            d.text(a.fault().code(), x + 140, row, Palette.BODY_BOLD, c);
            d.text(a.fault().message(), x + 220, row, Palette.BODY, Palette.TEXT);
            String st = (active ? "ACTIVE" : "GONE") + (a.acknowledged() ? " · ACK" : "");
            d.textRight(st, x + w - 16, row, Palette.BODY_BOLD, active ? c : Palette.MUTED);
            row += 36;
        }
    }

    private void diagnostics(int x, int y, int w, int h) {
        d.card(x, y, w, h, null);
        int tx = x + 16;
        for (DiagnosticsTab t : DiagnosticsTab.values()) {
            boolean active = m.tab() == t;
            d.button(
                    tx,
                    y + 12,
                    150,
                    40,
                    t.title(),
                    "Diagnostics > " + t.title(),
                    active ? Palette.ACCENT : Palette.BUTTON,
                    active ? Color.WHITE : Palette.TEXT,
                    () -> m.showTab(t));
            tx += 162;
        }
        switch (m.tab()) {
            case SENSORS -> sensors(x, y + 70, w);
            case MOTORS -> motors(x, y + 70, w);
            case IO -> io(x, y + 70, w);
        }
    }

    private void sensors(int x, int y, int w) {
        d.text("Sensor", x + 16, y + 10, Palette.SMALL, Palette.MUTED);
        d.text("Value", x + 380, y + 10, Palette.SMALL, Palette.MUTED);
        d.text("Limits", x + 590, y + 10, Palette.SMALL, Palette.MUTED);
        int row = y + 24;
        for (Sensor s : m.profile().sensors()) {
            double v = m.sensorValue(s);
            boolean ok = s.inRange(v);
            d.dot(x + 24, row + 22, 7, ok ? Palette.RUNNING : Palette.FAULT);
            d.text(s.name(), x + 42, row + 28, Palette.BODY, Palette.TEXT);
            d.textRight(s.format(v), x + 480, row + 28, Palette.VALUE, ok ? Palette.TEXT : Palette.FAULT);
            d.text(s.unit(), x + 490, row + 28, Palette.BODY, Palette.MUTED);
            d.text(s.format(s.low()) + " … " + s.format(s.high()), x + 590, row + 28, Palette.BODY, Palette.MUTED);
            double fraction = (v - s.low()) / (s.high() - s.low());
            d.progress(x + 760, row + 18, w - 790, 12, fraction, ok ? Palette.ACCENT : Palette.FAULT);
            row += 46;
        }
    }

    private void motors(int x, int y, int w) {
        int row = y + 10;
        int i = 0;
        for (String motor : m.profile().motors()) {
            boolean on = m.state() == State.RUNNING;
            d.dot(x + 24, row + 22, 7, on ? Palette.RUNNING : Palette.MUTED);
            d.text(motor, x + 42, row + 28, Palette.BODY_BOLD, Palette.TEXT);
            d.text(on ? "Enabled · in position" : "Disabled", x + 260, row + 28, Palette.BODY, Palette.MUTED);
            double load = on ? 35 + 20 * Math.abs(Math.sin(m.now().toEpochMilli() / 3000.0 + i)) : 0;
            d.text(String.format("Load %3.0f %%", load), x + 520, row + 28, Palette.VALUE, Palette.TEXT);
            d.progress(x + 700, row + 18, w - 730, 12, load / 100, Palette.ACCENT);
            row += 52;
            i++;
        }
    }

    private void io(int x, int y, int w) {
        String[] inputs = {
            "E-stop circuit",
            "Safety door closed",
            "Light curtain",
            "Air pressure OK",
            "Vacuum OK",
            "Drive ready",
            "Material present",
            "Home switch X"
        };
        String[] outputs = {
            "Main contactor",
            "Vacuum pump",
            "Conveyor",
            "Tower lamp green",
            "Tower lamp red",
            "Horn",
            "Blow-off valve",
            "Lubrication"
        };
        d.text("Digital inputs", x + 16, y + 14, Palette.HEADING, Palette.TEXT);
        d.text("Digital outputs", x + w / 2, y + 14, Palette.HEADING, Palette.TEXT);
        boolean fault = m.state() == State.FAULT;
        for (int i = 0; i < inputs.length; i++) {
            boolean in = !(fault && i == 4);
            boolean out = switch (i) {
                case 3 -> m.state() == State.RUNNING;
                case 4, 5 -> fault;
                default -> m.state() != State.FAULT || i == 0;
            };
            int row = y + 40 + i * 44;
            d.dot(x + 28, row + 16, 9, in ? Palette.RUNNING : new Color(0xb7c0c9));
            d.text(String.format("I0.%d  %s", i, inputs[i]), x + 48, row + 22, Palette.BODY, Palette.TEXT);
            d.dot(x + w / 2 + 12, row + 16, 9, out ? Palette.ACCENT : new Color(0xb7c0c9));
            d.text(String.format("Q0.%d  %s", i, outputs[i]), x + w / 2 + 32, row + 22, Palette.BODY, Palette.TEXT);
        }
    }

    private void settings(int x, int y, int w, int h) {
        d.card(x, y, w, h, "Settings");
        int row = y + 60;
        for (MachineProfile.Setting s : m.profile().settings()) {
            d.text(s.name(), x + 16, row + 30, Palette.BODY_BOLD, Palette.TEXT);
            d.textRight(String.format("%,d", m.setting(s.name())), x + 560, row + 30, Palette.VALUE, Palette.TEXT);
            d.text(s.unit(), x + 570, row + 30, Palette.BODY, Palette.MUTED);
            d.button(
                    x + 680,
                    row + 6,
                    60,
                    40,
                    "−",
                    "Settings > " + s.name() + " −",
                    Palette.BUTTON,
                    Palette.TEXT,
                    () -> m.adjust(s.name(), -1));
            d.button(
                    x + 750,
                    row + 6,
                    60,
                    40,
                    "+",
                    "Settings > " + s.name() + " +",
                    Palette.BUTTON,
                    Palette.TEXT,
                    () -> m.adjust(s.name(), 1));
            d.text(String.format("%,d … %,d", s.min(), s.max()), x + 840, row + 30, Palette.SMALL, Palette.MUTED);
            row += 64;
        }
    }
}
