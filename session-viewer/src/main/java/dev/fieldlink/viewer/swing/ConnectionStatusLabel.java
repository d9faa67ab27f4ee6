package dev.fieldlink.viewer.swing;

import dev.fieldlink.viewer.client.ConnectionStats;
import java.util.function.Supplier;
import javax.swing.JLabel;
import javax.swing.Timer;

/**
 * A status-bar label showing frames/s, throughput and round-trip time, refreshed once a second on the EDT from a
 * cheap supplier (e.g. {@code client::stats}). The timer runs only while the label is displayable.
 */
public final class ConnectionStatusLabel extends JLabel {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<ConnectionStats> stats;
    private final Timer timer;

    public ConnectionStatusLabel(Supplier<ConnectionStats> stats) {
        this.stats = stats;
        this.timer = new Timer(1000, e -> refresh());
    }

    /** Formats figures as shown, e.g. "24.0 frames/s · 310.5 kB/s · 3 ms round trip". */
    public static String format(ConnectionStats s) {
        String rtt = s.roundTripMillis() < 0
                ? Messages.get("status.rttUnknown")
                : Messages.get("status.rtt", s.roundTripMillis());
        String bps = Messages.get("status.bytesPerSecond", s.bytesPerSecond() / 1000.0);
        return Messages.get("status.figures", s.framesPerSecond(), bps, rtt);
    }

    public void refresh() {
        setText(format(stats.get()));
    }

    @Override
    public void addNotify() {
        super.addNotify();
        refresh();
        timer.start();
    }

    @Override
    public void removeNotify() {
        timer.stop();
        super.removeNotify();
    }
}
