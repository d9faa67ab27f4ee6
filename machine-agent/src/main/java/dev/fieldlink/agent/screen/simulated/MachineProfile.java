package dev.fieldlink.agent.screen.simulated;

import dev.fieldlink.agent.config.ScreenSettings;
import java.util.List;

/**
 * What distinguishes one simulated machine model from another: its sensors, faults, job names and settings.
 *
 * @param product product line shown in the header
 * @param sensors diagnostics values
 * @param motors motor names for the Motors tab
 * @param faults what can be injected
 * @param jobs initial job queue: name, material, quantity
 * @param settings adjustable settings: name, unit, value, step
 * @param unitsPerHour production rate while running
 */
public record MachineProfile(
        String product,
        List<Sensor> sensors,
        List<String> motors,
        List<Fault> faults,
        List<String[]> jobs,
        List<Setting> settings,
        int unitsPerHour) {
    /** An adjustable setting. */
    public record Setting(String name, String unit, int value, int step, int min, int max) {}

    public static MachineProfile of(ScreenSettings.Model model) {
        return switch (model) {
            case CUTTER -> cutter();
            case PRESS -> press();
            case PACKAGING -> packaging();
        };
    }

    static MachineProfile cutter() {
        return new MachineProfile(
                "Digital cutting system",
                List.of(
                        new Sensor("Vacuum table", "kPa", -18.5, 0.6, 47, -25, -14, 1),
                        new Sensor("Spindle temperature", "°C", 41.0, 1.8, 180, 15, 65, 1),
                        new Sensor("Spindle speed", "rpm", 24000, 120, 23, 22000, 26000, 0),
                        new Sensor("Compressed air", "bar", 6.2, 0.15, 61, 5.5, 7.5, 2),
                        new Sensor("X-axis motor current", "A", 3.4, 0.5, 9, 0, 6, 2),
                        new Sensor("Y-axis motor current", "A", 2.9, 0.4, 11, 0, 6, 2),
                        new Sensor("Conveyor speed", "m/min", 12.0, 0.3, 37, 8, 16, 1),
                        new Sensor("Cabinet temperature", "°C", 31.5, 0.8, 300, 5, 45, 1)),
                List.of("X axis", "Y axis", "Z axis", "Tangential", "Conveyor", "Vacuum pump"),
                List.of(
                        new Fault("E-214", "Vacuum below limit on table zone 3", "Vacuum table", 7.5, true),
                        new Fault("E-331", "Spindle over temperature", "Spindle temperature", 31, true),
                        new Fault("W-105", "Compressed air pressure low", "Compressed air", -0.9, false),
                        new Fault("W-412", "Knife wear: replace blade soon", null, 0, false)),
                List.of(
                        new String[] {"Folding boxes 4711", "Corrugated E-flute", "240"},
                        new String[] {"POS display Spring", "Honeycomb 16 mm", "60"},
                        new String[] {"Gaskets EPDM 2 mm", "EPDM rubber", "1200"},
                        new String[] {"Sample cut 0815", "Foam PE 10 mm", "12"},
                        new String[] {"Labels roll 88", "Vinyl film", "3000"}),
                List.of(
                        new Setting("Cutting speed", "mm/s", 600, 50, 100, 1200),
                        new Setting("Vacuum level", "%", 80, 5, 30, 100),
                        new Setting("Knife depth offset", "µm", 0, 10, -200, 200),
                        new Setting("Conveyor step", "mm", 1600, 100, 500, 3200)),
                140);
    }

    static MachineProfile press() {
        return new MachineProfile(
                "Sheetfed offset press",
                List.of(
                        new Sensor("Press speed", "sheets/h", 15000, 150, 29, 3000, 18000, 0),
                        new Sensor("Ink duct temperature", "°C", 27.5, 0.7, 240, 18, 35, 1),
                        new Sensor("Fountain conductivity", "µS/cm", 1350, 40, 120, 900, 1800, 0),
                        new Sensor("Fountain pH", "", 5.0, 0.1, 200, 4.5, 5.5, 2),
                        new Sensor("Blanket pressure", "bar", 2.4, 0.05, 17, 2.0, 2.8, 2),
                        new Sensor("Feeder air", "bar", 0.85, 0.04, 13, 0.6, 1.2, 2),
                        new Sensor("Dryer temperature", "°C", 68, 1.5, 90, 40, 85, 1),
                        new Sensor("Main drive current", "A", 41, 4, 7, 0, 80, 1)),
                List.of("Main drive", "Feeder", "Delivery", "Ink unit 1", "Ink unit 2", "Dampening"),
                List.of(
                        new Fault("E-501", "Double sheet detected at feeder", "Feeder air", 0.5, true),
                        new Fault("E-620", "Dryer over temperature", "Dryer temperature", 25, true),
                        new Fault("W-310", "Fountain solution conductivity high", "Fountain conductivity", 520, false),
                        new Fault("W-220", "Ink level low in unit 2", null, 0, false)),
                List.of(
                        new String[] {"Brochure Autumn 32pp", "Gloss 135 g/m²", "12000"},
                        new String[] {"Wine labels Riesling", "Label paper 80 g/m²", "40000"},
                        new String[] {"Flyer A5 Bakery", "Matt 170 g/m²", "8000"},
                        new String[] {"Annual report cover", "Board 300 g/m²", "2500"},
                        new String[] {"Catalogue insert", "Offset 90 g/m²", "15000"}),
                List.of(
                        new Setting("Target speed", "sheets/h", 15000, 500, 3000, 18000),
                        new Setting("Dampening rate", "%", 38, 1, 10, 80),
                        new Setting("Dryer setpoint", "°C", 70, 2, 40, 90),
                        new Setting("Pile height", "mm", 1100, 50, 300, 1500)),
                15000);
    }

    static MachineProfile packaging() {
        return new MachineProfile(
                "Carton packaging line",
                List.of(
                        new Sensor("Line speed", "packs/min", 120, 3, 41, 60, 150, 0),
                        new Sensor("Hot-melt temperature", "°C", 165, 2.5, 150, 150, 180, 1),
                        new Sensor("Carton pick-up vacuum", "kPa", -62, 2, 19, -75, -50, 1),
                        new Sensor("Compressed air", "bar", 6.0, 0.12, 57, 5.5, 7.0, 2),
                        new Sensor("Carton magazine level", "%", 72, 9, 240, 15, 100, 0),
                        new Sensor("Sealing jaw temperature", "°C", 142, 1.8, 95, 130, 155, 1),
                        new Sensor("Reject rate", "%", 0.6, 0.25, 130, 0, 2.5, 2),
                        new Sensor("Main drive current", "A", 18, 1.5, 11, 0, 30, 1)),
                List.of("Infeed conveyor", "Carton erector", "Product pusher", "Flap folder", "Glue unit", "Discharge"),
                List.of(
                        new Fault(
                                "E-710",
                                "Carton not picked: vacuum lost at erector",
                                "Carton pick-up vacuum",
                                30,
                                true),
                        new Fault("E-742", "Hot-melt below setpoint", "Hot-melt temperature", -28, true),
                        new Fault("W-615", "Carton magazine almost empty", "Carton magazine level", -62, false),
                        new Fault("W-680", "Reject rate high at checkweigher", "Reject rate", 2.6, false)),
                List.of(
                        new String[] {"Yoghurt 4 x 125 g", "Carton 4-pack", "36000"},
                        new String[] {"Cheese slices 200 g", "Tray-pack 12", "9000"},
                        new String[] {"Juice 1 l", "Wrap-around 6", "12000"},
                        new String[] {"Butter 250 g", "Shipper 20", "4800"},
                        new String[] {"Sample run PL-7", "Test carton", "200"}),
                List.of(
                        new Setting("Line speed", "packs/min", 120, 5, 40, 150),
                        new Setting("Hot-melt setpoint", "°C", 165, 5, 140, 185),
                        new Setting("Pusher delay", "ms", 40, 5, 0, 200),
                        new Setting("Checkweigher tolerance", "g", 3, 1, 1, 10)),
                7200);
    }
}
