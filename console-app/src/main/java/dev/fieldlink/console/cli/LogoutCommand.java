package dev.fieldlink.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "logout", mixinStandardHelpOptions = true, description = "Revoke the sign-in and forget the tokens.")
final class LogoutCommand implements Runnable {
    @ParentCommand
    Fieldlink root;

    @Override
    public void run() {
        CliProfile profile = root.profile();
        if (profile.get("relay") == null || profile.tokens().load().isEmpty()) {
            root.out().println("Not signed in");
            return;
        }
        profile.client(null, null).logout();
        root.out().println("Signed out");
    }
}
