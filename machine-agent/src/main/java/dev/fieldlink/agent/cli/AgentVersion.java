package dev.fieldlink.agent.cli;

import dev.fieldlink.agent.Agent;
import picocli.CommandLine;

/** {@code fieldlink-agent --version}: the version the agent also reports in its hello. */
final class AgentVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"fieldlink-agent " + Agent.VERSION};
    }
}
