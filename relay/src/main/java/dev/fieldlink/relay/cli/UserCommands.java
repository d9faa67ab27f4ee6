package dev.fieldlink.relay.cli;

import dev.fieldlink.protocol.Role;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.account.PhotoNormalizer;
import dev.fieldlink.relay.admin.CreatedUser;
import dev.fieldlink.relay.admin.NewUser;
import dev.fieldlink.relay.admin.UserUpdate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code admin user add|update|disable|enable|reset-totp|sign-undertaking|list}. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Personal accounts.",
        subcommands = {
            UserCommands.Add.class,
            UserCommands.Update.class,
            UserCommands.Disable.class,
            UserCommands.Enable.class,
            UserCommands.ResetTotp.class,
            UserCommands.SignUndertaking.class,
            UserCommands.ListUsers.class
        })
final class UserCommands {
    /** Options that describe a person; shared by add and update. */
    static final class Profile {
        @Option(names = "--name", description = "display name, as operators see it")
        String displayName;

        @Option(names = "--company", description = "the person's company")
        String company;

        @Option(names = "--role", description = "TECHNICIAN, TEAM_LEAD, TRAINER or ADMIN; repeat for several")
        List<Role> roles;

        @Option(names = "--region", description = "region id; repeat for several")
        List<String> regions;

        @Option(
                names = "--cert",
                paramLabel = "LINE=DATE",
                description = "product-line certification valid through DATE (YYYY-MM-DD); repeat for several")
        List<String> certifications;

        @Option(names = "--photo", paramLabel = "FILE", description = "PNG or JPEG, at most 256 KiB")
        Path photo;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        Map<String, LocalDate> certs(CommandSpec spec) {
            if (certifications == null) {
                return null;
            }
            Map<String, LocalDate> out = new LinkedHashMap<>();
            for (String c : certifications) {
                int eq = c.indexOf('=');
                if (eq < 1) {
                    throw new ParameterException(spec.commandLine(), "--cert must be LINE=YYYY-MM-DD, not " + c);
                }
                out.put(
                        c.substring(0, eq).trim(),
                        date(spec, c.substring(eq + 1).trim(), "--cert"));
            }
            return out;
        }

        String password(CommandSpec spec) throws IOException {
            if (!passwordStdin) {
                return null;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--password-stdin: no password on standard input");
            }
            return line;
        }

        byte[] photoBytes() throws IOException {
            if (photo == null) {
                return null;
            }
            if (Files.size(photo) > PhotoNormalizer.MAX_INPUT_BYTES) {
                throw new IllegalArgumentException(photo + " is larger than " + PhotoNormalizer.MAX_INPUT_BYTES / 1024
                        + " KiB; the photo is refused");
            }
            return Files.readAllBytes(photo);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a personal account.")
    static final class Add extends AdminAction.OnUser {
        @Option(names = "--totp-secret", description = "Base32 TOTP secret (default: a new random one)")
        String totpSecret;

        @Option(names = "--undertaking", paramLabel = "DATE", description = "the day the undertaking was signed")
        String undertaking;

        @Mixin
        Profile profile;

        @Override
        public Integer call() throws IOException {
            String password = profile.password(spec);
            if (password == null) {
                throw new ParameterException(spec.commandLine(), "a password is required: use --password-stdin");
            }
            Set<Role> roles = profile.roles == null ? EnumSet.of(Role.TECHNICIAN) : EnumSet.copyOf(profile.roles);
            Map<String, LocalDate> certifications = profile.certs(spec);
            NewUser u = new NewUser(
                    username,
                    profile.displayName,
                    profile.company,
                    password,
                    totpSecret,
                    roles,
                    profile.regions == null ? Set.of() : new TreeSet<>(profile.regions),
                    certifications == null ? Map.of() : certifications,
                    undertaking == null ? null : date(spec, undertaking, "--undertaking"),
                    profile.photoBytes());
            CreatedUser c = admin(a -> a.addUser(u));
            PrintWriter out = out();
            out.println("user " + c.username() + " created, id " + c.id());
            out.println("TOTP secret (shown once): " + c.totpSecret());
            out.println(c.otpauthUri());
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change an account.")
    static final class Update extends AdminAction.OnUser {
        @Mixin
        Profile profile;

        @Override
        public Integer call() throws IOException {
            UserUpdate change = new UserUpdate(
                    profile.displayName,
                    profile.company,
                    profile.roles == null ? null : EnumSet.copyOf(profile.roles),
                    profile.regions == null ? null : new TreeSet<>(profile.regions),
                    profile.certs(spec),
                    profile.password(spec));
            byte[] photo = profile.photoBytes();
            Account a = admin(admin -> {
                Account updated = admin.updateUser(username, change);
                if (photo != null) {
                    admin.setPhoto(username, photo);
                }
                return updated;
            });
            return done("user " + a.username() + " updated");
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account; its sessions end.")
    static final class Disable extends AdminAction.OnUser {
        @Override
        public Integer call() {
            admin(a -> a.disableUser(username));
            return done("user " + username + " disabled");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account again.")
    static final class Enable extends AdminAction.OnUser {
        @Override
        public Integer call() {
            admin(a -> a.enableUser(username));
            return done("user " + username + " enabled");
        }
    }

    @Command(name = "reset-totp", mixinStandardHelpOptions = true, description = "Give an account a new TOTP secret.")
    static final class ResetTotp extends AdminAction.OnUser {
        @Override
        public Integer call() {
            CreatedUser c = admin(a -> a.resetTotp(username));
            PrintWriter out = out();
            out.println("TOTP secret of " + c.username() + " reset; new secret (shown once): " + c.totpSecret());
            out.println(c.otpauthUri());
            return 0;
        }
    }

    @Command(
            name = "sign-undertaking",
            mixinStandardHelpOptions = true,
            description = "Record the security and privacy undertaking as signed.")
    static final class SignUndertaking extends AdminAction.OnUser {
        @Option(names = "--on", paramLabel = "DATE", description = "the day it was signed (default: today, UTC)")
        String on;

        @Override
        public Integer call() {
            LocalDate day = on == null ? LocalDate.now(java.time.ZoneOffset.UTC) : date(spec, on, "--on");
            admin(a -> a.signUndertaking(username, day));
            return done("undertaking of " + username + " signed on " + day);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
    static final class ListUsers extends AdminAction {
        @Override
        public Integer call() {
            List<Account> users = admin(a -> a.listUsers());
            PrintWriter out = out();
            out.printf("%-20s %-14s %-9s %-28s %-20s %s%n", "USERNAME", "ID", "STATE", "ROLES", "REGIONS", "NAME");
            for (Account u : users) {
                out.printf(
                        "%-20s %-14s %-9s %-28s %-20s %s%n",
                        u.username(),
                        u.id(),
                        u.state().name().toLowerCase(Locale.ROOT),
                        new TreeSet<>(u.roles()),
                        new TreeSet<>(u.regions()),
                        u.displayName());
            }
            return 0;
        }
    }

    static LocalDate date(CommandSpec spec, String v, String option) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " must be a date YYYY-MM-DD, not " + v);
        }
    }
}
