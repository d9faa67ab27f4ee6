package dev.fieldlink.agent;

import dev.fieldlink.agent.config.ConfigLoader;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import java.nio.file.Path;
import java.util.Map;

/** Run in a child JVM by {@link AgentTest}: a connected agent writing events until it is killed. */
public final class AgentCrashChild {
    private AgentCrashChild() {}

    public static void main(String[] args) throws Exception {
        Agent agent = Agent.builder(new ConfigLoader().load(Path.of(args[0]))).build();
        agent.start();
        for (long i = 0; ; i++) {
            var e = agent.audit()
                    .append(AuditEventTypes.INPUT_CLICK, "technician:t1", "session:s1", Map.of("n", Long.toString(i)));
            System.out.println("appended " + e.sequence());
            System.out.flush();
        }
    }
}
