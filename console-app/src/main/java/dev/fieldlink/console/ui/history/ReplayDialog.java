package dev.fieldlink.console.ui.history;

import dev.fieldlink.console.relay.CancelToken;
import dev.fieldlink.console.ui.Forms;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.SandboxMark;
import dev.fieldlink.protocol.api.HistoryEntry;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.FlowLayout;
import java.awt.GridBagLayout;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

/**
 * Replays a session's recording: downloads it (progress, Cancel), then shows the player. PLACEHOLDER for the
 * player until the session-viewer's {@code ReplayPlayer} lands on main: the download is real, the player panel
 * says where playback will appear. Use on the EDT.
 */
public final class ReplayDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final CardLayout cards = new CardLayout();
    private final JPanel content = new JPanel(cards);
    private final JProgressBar progress = new JProgressBar();
    private final JLabel progressText = new JLabel(" ");
    private final JTextArea playerText = Forms.message("replayText");
    private final JTextArea error = Forms.error(Forms.message("replayError"));
    private transient CancelToken download;
    private String card = "download";

    public ReplayDialog(
            Window owner,
            HistoryController controller,
            Messages messages,
            SandboxMark mark,
            HistoryEntry session,
            Path directory) {
        super(owner, ModalityType.MODELESS);
        setTitle(mark.title(messages.get("replay.title", session.machineName())));
        progress.setMaximum(1000);
        progress.setName("replayProgress");

        JPanel loading = new JPanel(new GridBagLayout());
        loading.setBorder(BorderFactory.createEmptyBorder(24, 24, 24, 24));
        Forms.wide(loading, 0, Forms.heading(new JLabel(messages.get("replay.downloading")), "h3"), 0);
        Forms.wide(loading, 1, progress, 12);
        Forms.wide(loading, 2, progressText, 4);
        Forms.wide(loading, 3, error, 8);
        JButton cancel = new JButton(messages.get("action.cancel"));
        cancel.addActionListener(e -> dispose());
        JPanel row = new JPanel(new FlowLayout(FlowLayout.TRAILING, 0, 0));
        row.add(cancel);
        Forms.wide(loading, 4, row, 12);
        content.add(loading, "download");

        JPanel player = new JPanel(new BorderLayout(0, 8));
        player.setName("replayPlaceholder");
        player.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        JPanel screen = new JPanel(new GridBagLayout());
        screen.setBorder(BorderFactory.createDashedBorder(null, 2, 6, 4, false));
        playerText.setColumns(40);
        screen.add(playerText);
        player.add(Forms.heading(new JLabel(messages.get("replay.placeholder.title")), "h2"), BorderLayout.NORTH);
        player.add(screen, BorderLayout.CENTER);
        JButton close = new JButton(messages.get("action.close"));
        close.addActionListener(e -> dispose());
        JPanel closeRow = new JPanel(new FlowLayout(FlowLayout.TRAILING, 0, 0));
        closeRow.add(close);
        player.add(closeRow, BorderLayout.SOUTH);
        content.add(player, "player");

        setContentPane(mark.wrap(content));
        setSize(720, 480);
        setLocationRelativeTo(owner);

        long expected = session.recordingBytes() == null ? 0 : session.recordingBytes();
        Path target = directory.resolve(session.sessionId() + ".flrec");
        download = controller.download(
                session.sessionId(),
                target,
                bytes -> SwingUtilities.invokeLater(() -> {
                    progress.setValue(expected <= 0 ? 0 : (int) Math.min(1000, bytes * 1000 / expected));
                    progressText.setText(messages.get("replay.bytes", bytes / 1024, expected / 1024));
                }),
                file -> {
                    download = null;
                    playerText.setText(messages.get("replay.placeholder.text", file.toString(), size(file) / 1024));
                    cards.show(content, "player");
                    card = "player";
                },
                text -> {
                    download = null;
                    error.setText(text);
                });
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** {@code download} or {@code player}. */
    public String shownCard() {
        return card;
    }

    @Override
    public void dispose() {
        if (download != null) {
            download.cancel();
        }
        super.dispose();
    }
}
