package dev.fieldlink.console.ui.session;

import com.formdev.flatlaf.FlatClientProperties;
import dev.fieldlink.console.relay.CancelToken;
import dev.fieldlink.console.screen.ScreenConnector;
import dev.fieldlink.console.ui.ErrorTexts;
import dev.fieldlink.console.ui.Forms;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.UiTasks;
import dev.fieldlink.viewer.client.ConnectionEnd;
import dev.fieldlink.viewer.client.ConnectionStats;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbClientListener;
import dev.fieldlink.viewer.swing.RemoteScreenView;
import dev.fieldlink.viewer.swing.ScaleMode;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.FlowLayout;
import java.awt.GridBagLayout;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

/**
 * The machine's live screen: connects through the relay on a worker (ticket, SSH tunnel, RFB handshake), then shows
 * session-viewer's {@link RemoteScreenView} with keyboard and mouse. When the screen connection drops it says so
 * and why, and offers to reconnect. {@link #close()} stops a connect under way and closes client and tunnel off the
 * EDT. Use on the EDT; the RFB client's events are handed over to it.
 */
public final class RemoteScreenArea implements ScreenArea {
    /** The JPEG quality asked for when photos are compressed: TigerVNC's default level, hardly visible at 1:1. */
    static final int PHOTO_JPEG_QUALITY = 8;

    private final Messages messages;
    private final UiTasks tasks;
    private final ScreenConnector connector;
    private final String sessionId;
    private final String relayName;
    private final CardLayout cards = new CardLayout();
    private final JPanel panel = new JPanel(cards);
    private final JScrollPane scroll = new JScrollPane();
    private final JTextArea lostText = Forms.message("screenLostText");
    private final JButton reconnect;
    private ScreenConnector.Connection connection;
    private RemoteScreenView view;
    private CancelToken connecting;
    private String lost;
    private boolean fit = true;
    private boolean viewOnly;
    private boolean compressPhotos;
    private boolean closed;
    private int attempt;

    /** A factory for the session window: connects with session-viewer's default RFB settings. */
    public static ScreenFactory factory(Duration timeout) {
        return (messages, tasks, relay, sessionId) -> new RemoteScreenArea(
                messages,
                tasks,
                new ScreenConnector(relay, RfbClientConfig.defaults(), timeout),
                sessionId,
                relay.address().display());
    }

    /** @param relayName the relay as shown to people, for error texts */
    public RemoteScreenArea(
            Messages messages, UiTasks tasks, ScreenConnector connector, String sessionId, String relayName) {
        this.relayName = Objects.requireNonNull(relayName, "relayName");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        panel.setName("screenArea");
        String desktop = "background: $Desktop.background";
        panel.putClientProperty(FlatClientProperties.STYLE, desktop);

        JPanel waiting = new JPanel(new GridBagLayout());
        waiting.setOpaque(false);
        JPanel waitBox = new JPanel(new BorderLayout(0, 8));
        waitBox.setOpaque(false);
        waitBox.add(Forms.heading(new JLabel(messages.get("session.screen.connecting")), "h3"), BorderLayout.NORTH);
        JProgressBar bar = new JProgressBar();
        bar.setIndeterminate(true);
        waitBox.add(bar, BorderLayout.CENTER);
        waiting.add(waitBox);
        panel.add(waiting, "connecting");

        scroll.setName("screenScroll");
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getViewport().putClientProperty(FlatClientProperties.STYLE, desktop);
        scroll.getViewport().setOpaque(true);
        panel.add(scroll, "screen");

        JPanel lostPanel = new JPanel(new GridBagLayout());
        lostPanel.setOpaque(false);
        lostPanel.setName("screenLost");
        JPanel lostBox = new JPanel(new BorderLayout(0, 8));
        lostBox.setOpaque(false);
        lostBox.add(Forms.heading(new JLabel(messages.get("session.screen.lostTitle")), "h2"), BorderLayout.NORTH);
        lostText.setColumns(34);
        lostText.setOpaque(false);
        lostBox.add(lostText, BorderLayout.CENTER);
        reconnect = new JButton(messages.get("session.screen.reconnect"));
        reconnect.setName("reconnect");
        reconnect.addActionListener(e -> connect());
        JPanel row = new JPanel(new FlowLayout(FlowLayout.TRAILING, 0, 0));
        row.setOpaque(false);
        row.add(reconnect);
        lostBox.add(row, BorderLayout.SOUTH);
        lostPanel.add(lostBox);
        panel.add(lostPanel, "lost");
        connect();
    }

    private void connect() {
        if (closed) {
            return;
        }
        int mine = ++attempt;
        lost = null;
        cards.show(panel, "connecting");
        RfbClientListener listener = new RfbClientListener() {
            @Override
            public void connectionEnded(ConnectionEnd end) {
                if (end.kind() != ConnectionEnd.Kind.CLOSED_LOCALLY) {
                    tasks.onUi(() -> dropped(mine, end));
                }
            }
        };
        connecting = tasks.run(
                cancel -> {
                    ScreenConnector.Connection c = connector.connect(sessionId, listener, cancel);
                    synchronized (this) {
                        if (closed) {
                            c.close();
                            throw new IllegalStateException("closed");
                        }
                    }
                    return c;
                },
                c -> connected(mine, c),
                failure -> {
                    connecting = null;
                    showLost(new ErrorTexts(messages).describe(failure, relayName));
                });
    }

    private void connected(int mine, ScreenConnector.Connection c) {
        connecting = null;
        if (closed || mine != attempt) {
            closeInBackground(c);
            return;
        }
        connection = c;
        view = new RemoteScreenView(c.client(), c.client());
        view.setName("remoteScreen");
        view.setScaleMode(fit ? ScaleMode.FIT : ScaleMode.ONE_TO_ONE);
        view.setViewOnly(viewOnly);
        if (compressPhotos) {
            c.client().setJpegQuality(PHOTO_JPEG_QUALITY);
        }
        scroll.setViewportView(view);
        cards.show(panel, "screen");
        ConnectionEnd end = c.client().end();
        if (end != null && end.kind() != ConnectionEnd.Kind.CLOSED_LOCALLY) {
            dropped(mine, end);
            return;
        }
        SwingUtilities.invokeLater(() -> {
            if (view != null) {
                view.requestFocusInWindow();
            }
        });
    }

    private void dropped(int mine, ConnectionEnd end) {
        if (closed || mine != attempt || lost != null) {
            return;
        }
        String why = switch (end.kind()) {
            case CLOSED_BY_SERVER -> messages.get("session.screen.closedByServer");
            case IO_ERROR -> messages.get("session.screen.ioError", end.message());
            case PROTOCOL_ERROR -> messages.get("session.screen.protocolError", end.message());
            case CLOSED_LOCALLY -> messages.get("session.screen.closedByServer");
        };
        ScreenConnector.Connection c = connection;
        connection = null;
        if (c != null) {
            closeInBackground(c);
        }
        showLost(why);
    }

    private void showLost(String why) {
        if (closed) {
            return;
        }
        lost = why;
        view = null;
        scroll.setViewportView(null);
        lostText.setText(messages.get("session.screenLost", why));
        cards.show(panel, "lost");
    }

    private void closeInBackground(ScreenConnector.Connection c) {
        tasks.run(
                cancel -> {
                    c.close();
                    return Boolean.TRUE;
                },
                ok -> {},
                failure -> {});
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public Figures figures() {
        ScreenConnector.Connection c = connection;
        if (c == null) {
            return Figures.NONE;
        }
        ConnectionStats s = c.client().stats();
        return new Figures(
                s.framesPerSecond(),
                s.bytesPerSecond() * 8 / 1000,
                s.roundTripMillis() < 0 ? null : Duration.ofMillis(s.roundTripMillis()));
    }

    @Override
    public void setFitToWindow(boolean fit) {
        this.fit = fit;
        if (view != null) {
            view.setScaleMode(fit ? ScaleMode.FIT : ScaleMode.ONE_TO_ONE);
            scroll.revalidate();
        }
    }

    @Override
    public void setViewOnly(boolean viewOnly) {
        this.viewOnly = viewOnly;
        if (view != null) {
            view.setViewOnly(viewOnly);
        }
    }

    @Override
    public void setCompressPhotos(boolean compress) {
        this.compressPhotos = compress;
        ScreenConnector.Connection c = connection;
        if (c != null) {
            c.client().setJpegQuality(compress ? PHOTO_JPEG_QUALITY : -1);
        }
    }

    @Override
    public Optional<String> lost() {
        return Optional.ofNullable(lost);
    }

    /** The view showing the screen, while connected; null otherwise. */
    public RemoteScreenView view() {
        return view;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (connecting != null) {
            connecting.cancel();
            connecting = null;
        }
        ScreenConnector.Connection c = connection;
        connection = null;
        view = null;
        if (c != null) {
            closeInBackground(c);
        }
    }
}
