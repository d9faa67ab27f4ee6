package dev.fieldlink.sandbox;

import static dev.fieldlink.sandbox.SandboxMachine.Behaviour.APPROVES;
import static dev.fieldlink.sandbox.SandboxMachine.Behaviour.DECLINES;
import static dev.fieldlink.sandbox.SandboxMachine.Behaviour.NEVER_ANSWERS;
import static dev.fieldlink.sandbox.SandboxMachine.Behaviour.OFFLINE;
import static dev.fieldlink.sandbox.SandboxMachine.Behaviour.REMOTE_SERVICE_OFF;

import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.sandbox.SandboxMachine.Behaviour;
import java.util.List;

/**
 * The simulated fleet: fourteen machines in eight countries of three regions, three product lines. The special cases
 * (offline, remote service off, declining, never answering) are all in DACH on lines {@code anna.dach} is certified
 * for, so one trainee meets every outcome. Customers, sites and people are invented.
 */
final class Fleet {
    /** Sessions on sandbox machines last at most this long. */
    static final int MAX_SESSION_MINUTES = 60;

    /**
     * One machine and what only the sandbox needs to build it.
     *
     * @param hmi the simulated HMI drawn for it, by product line
     * @param operator the simulated operator's name, as the machine's audit log records it
     */
    record Entry(SandboxMachine machine, String serial, ScreenSettings.Model hmi, String operator) {}

    private Fleet() {}

    static List<Entry> machines() {
        return List.of(
                cutter(
                        "dc-de-0417",
                        "DC-3200",
                        "Kartonagen Hessler GmbH",
                        "Fulda, Hall 2",
                        "DE",
                        APPROVES,
                        "Jonas Weber",
                        "E-214"),
                press(
                        "sp-de-1180",
                        "SP-74",
                        "Druckhaus Albrecht KG",
                        "Würzburg",
                        "DE",
                        APPROVES,
                        "Sabine Roth",
                        "W-310"),
                cutter("dc-at-0233", "DC-2500", "Verpackung Steiner GmbH", "Linz", "AT", DECLINES, "Florian Huber"),
                press(
                        "sp-ch-0902",
                        "SP-105",
                        "Druckerei Bühler AG",
                        "Winterthur",
                        "CH",
                        NEVER_ANSWERS,
                        "Reto Meier",
                        "E-620"),
                cutter(
                        "dc-de-0588",
                        "DC-3200",
                        "Schilder & Displays Ostermann GmbH",
                        "Leipzig",
                        "DE",
                        REMOTE_SERVICE_OFF,
                        "Katrin Lenz"),
                press("sp-at-0341", "SP-74", "Offsetdruck Gruber GmbH", "Graz", "AT", OFFLINE, "Martin Gruber"),
                packaging(
                        "pl-de-0126",
                        "PL-600",
                        "Molkerei Friesenhof eG",
                        "Husum",
                        "DE",
                        APPROVES,
                        "Hauke Petersen",
                        "W-615"),
                packaging(
                        "pl-se-0074", "PL-400", "Nordkust Livsmedel AB", "Helsingborg", "SE", APPROVES, "Elin Sjöberg"),
                press(
                        "sp-uk-0815",
                        "SP-105",
                        "Thameside Print Ltd",
                        "Reading",
                        "UK",
                        APPROVES,
                        "Gareth Hughes",
                        "E-501"),
                press(
                        "sp-us-2207",
                        "SP-74",
                        "Lakeshore Litho Inc.",
                        "Milwaukee, WI",
                        "US",
                        APPROVES,
                        "Dana Kowalski",
                        "E-501"),
                packaging(
                        "pl-us-0390",
                        "PL-600",
                        "Great Plains Foods LLC",
                        "Omaha, NE",
                        "US",
                        APPROVES,
                        "Marcus Reed",
                        "E-742"),
                cutter(
                        "dc-br-0158",
                        "DC-2500",
                        "Embalagens Paulista Ltda.",
                        "Campinas",
                        "BR",
                        APPROVES,
                        "Luiz Almeida",
                        "W-105"),
                packaging("pl-br-0047", "PL-400", "Bebidas Serra Azul S.A.", "Recife", "BR", APPROVES, "Ana Ferreira"),
                cutter(
                        "dc-jp-0612",
                        "DC-3200",
                        "Hoshino Package Co., Ltd.",
                        "Osaka",
                        "JP",
                        APPROVES,
                        "Kenji Sato",
                        "W-412"));
    }

    private static Entry cutter(
            String id,
            String model,
            String customer,
            String site,
            String region,
            Behaviour b,
            String op,
            String... faults) {
        return entry(id, "Digital Cutter " + model, model, customer, site, region, "digital-cutter", b, op, faults);
    }

    private static Entry press(
            String id,
            String model,
            String customer,
            String site,
            String region,
            Behaviour b,
            String op,
            String... faults) {
        return entry(id, "Sheetfed Press " + model, model, customer, site, region, "printing-press", b, op, faults);
    }

    private static Entry packaging(
            String id,
            String model,
            String customer,
            String site,
            String region,
            Behaviour b,
            String op,
            String... faults) {
        return entry(id, "Packaging Line " + model, model, customer, site, region, "packaging-line", b, op, faults);
    }

    private static Entry entry(
            String id,
            String name,
            String model,
            String customer,
            String site,
            String region,
            String productLine,
            Behaviour behaviour,
            String operator,
            String... faults) {
        SandboxMachine machine =
                new SandboxMachine(id, name, customer, site, region, productLine, model, behaviour, List.of(faults));
        ScreenSettings.Model hmi = switch (productLine) {
            case "printing-press" -> ScreenSettings.Model.PRESS;
            case "packaging-line" -> ScreenSettings.Model.PACKAGING;
            default -> ScreenSettings.Model.CUTTER;
        };
        // Serial: model family, year of build and the machine's number, as on a type plate.
        String number = id.substring(id.lastIndexOf('-') + 1);
        String serial = model.replace("-", "") + "-" + (2017 + Math.floorMod(id.hashCode(), 8)) + "-" + number;
        return new Entry(machine, serial, hmi, operator);
    }
}
