package dev.fieldlink.sandbox;

import dev.fieldlink.protocol.Role;
import dev.fieldlink.relay.admin.CreatedUser;
import dev.fieldlink.relay.admin.NewUser;
import dev.fieldlink.relay.admin.RelayAdmin;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's trainee accounts: who they are, and their creation at the relay with a generated password, TOTP
 * secret and photo. The usernames are fixed; other code relies on them.
 */
final class Accounts {
    static final String DIGITAL_CUTTER = "digital-cutter";
    static final String PRINTING_PRESS = "printing-press";
    static final String PACKAGING_LINE = "packaging-line";

    /**
     * One account to create.
     *
     * @param roles every role; the first is the one {@link SandboxAccount#role()} shows
     */
    record Spec(
            String username,
            String displayName,
            String company,
            List<Role> roles,
            List<String> regions,
            List<String> productLines,
            int photoColour) {}

    private static final List<String> WORDS = List.of(
            "amber", "basalt", "cobalt", "delta", "ember", "fjord", "granite", "harbor", "indigo", "juniper", "kestrel",
            "lumen", "meadow", "nickel", "orbit", "pylon", "quartz", "raven", "sierra", "tundra", "umber", "velvet",
            "willow", "zephyr");

    private Accounts() {}

    static List<Spec> specs() {
        return List.of(
                new Spec(
                        "anna.dach",
                        "Anna Berger",
                        "Fieldlink Service GmbH",
                        List.of(Role.TECHNICIAN),
                        List.of("DACH"),
                        List.of(DIGITAL_CUTTER, PRINTING_PRESS),
                        0x1f6feb),
                new Spec(
                        "ben.americas",
                        "Ben Carter",
                        "Fieldlink Service Inc.",
                        List.of(Role.TECHNICIAN),
                        List.of("AMERICAS"),
                        List.of(PRINTING_PRESS, PACKAGING_LINE),
                        0x2da44e),
                new Spec(
                        "clara.lead",
                        "Clara Lindqvist",
                        "Fieldlink Service GmbH",
                        List.of(Role.TEAM_LEAD),
                        List.of("EMEA"),
                        List.of(),
                        0x8250df),
                // The policy lets only technicians list machines and only team leads view histories (per region):
                // the trainer holds both roles in every top-level region to see the whole fleet and its sessions.
                new Spec(
                        "tom.trainer",
                        "Tom Hargreaves",
                        "Fieldlink Academy",
                        List.of(Role.TRAINER, Role.TECHNICIAN, Role.TEAM_LEAD),
                        List.of("EMEA", "AMERICAS", "APAC"),
                        List.of(DIGITAL_CUTTER, PRINTING_PRESS, PACKAGING_LINE),
                        0xbf3989));
    }

    /** Creates every account at the relay: undertaking signed a month ago, certifications valid for a year. */
    static List<SandboxAccount> create(RelayAdmin admin, Clock clock, SecureRandom random) {
        LocalDate today = LocalDate.now(clock);
        List<SandboxAccount> created = new ArrayList<>();
        for (Spec s : specs()) {
            String password = password(random);
            Map<String, LocalDate> certifications = new LinkedHashMap<>();
            s.productLines().forEach(line -> certifications.put(line, today.plusYears(1)));
            CreatedUser user = admin.addUser(new NewUser(
                    s.username(),
                    s.displayName(),
                    s.company(),
                    password,
                    null,
                    Set.copyOf(s.roles()),
                    Set.copyOf(s.regions()),
                    certifications,
                    today.minusDays(30),
                    Portraits.initials(s.displayName(), s.photoColour())));
            created.add(new SandboxAccount(
                    s.username(),
                    s.displayName(),
                    s.roles().get(0).name(),
                    password,
                    user.totpSecret(),
                    s.regions(),
                    s.productLines()));
        }
        return List.copyOf(created);
    }

    /** Three words and two digits, e.g. {@code cobalt-fjord-raven-42}: easy to type in a classroom. */
    static String password(SecureRandom random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            b.append(WORDS.get(random.nextInt(WORDS.size()))).append('-');
        }
        return b.append(10 + random.nextInt(90)).toString();
    }
}
