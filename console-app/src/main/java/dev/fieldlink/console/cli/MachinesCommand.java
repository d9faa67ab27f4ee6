package dev.fieldlink.console.cli;

import dev.fieldlink.console.relay.MachineQuery;
import dev.fieldlink.protocol.api.MachineView;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "machines", mixinStandardHelpOptions = true, description = "List the machines you may reach.")
final class MachinesCommand implements Runnable {
    @ParentCommand
    Fieldlink root;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(
            names = {"-q", "--search"},
            paramLabel = "TEXT",
            description = "Only machines matching TEXT.")
    String search;

    @Option(names = "--region", description = "Only this region.")
    String region;

    @Option(names = "--product-line", description = "Only this product line.")
    String productLine;

    @Option(names = "--online", description = "Only online machines.")
    boolean online;

    @Override
    public void run() {
        List<MachineView> machines = root.profile()
                .signedIn()
                .machines(new MachineQuery(search, region, productLine, online ? Boolean.TRUE : null));
        if (json) {
            Output.json(root.out(), machines);
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (MachineView m : machines) {
            rows.add(java.util.Arrays.asList(
                    m.id(),
                    m.name(),
                    m.customer(),
                    m.site(),
                    m.region(),
                    m.productLine(),
                    m.model(),
                    m.online() ? "online" : "offline",
                    m.lastSeen()));
        }
        Output.table(
                root.out(),
                List.of("ID", "NAME", "CUSTOMER", "SITE", "REGION", "PRODUCT LINE", "MODEL", "STATE", "LAST SEEN"),
                rows);
    }
}
