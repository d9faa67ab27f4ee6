package dev.fieldlink.agent.panel;

import dev.fieldlink.agent.session.ActionEntry;
import dev.fieldlink.agent.session.ActiveSession;
import dev.fieldlink.protocol.api.ChatLine;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagLayout;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextField;
import javax.swing.UIManager;
import javax.swing.WindowConstants;

/**
 * The always-on-top banner of an active session, in a warning colour: photo, name, remaining time and End now; below
 * it the action feed (every click, typed text, key combination and clipboard transfer with its time) and the chat.
 */
final class ActiveBanner extends JFrame {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final transient Messages text;
    private final transient ZoneId zone;
    private final transient FeedWording wording;
    private final JLabel photo = new JLabel();
    private final JLabel who = new JLabel();
    private final JLabel remaining = new JLabel();
    private final JLabel sees = new JLabel();
    private final DefaultListModel<String> feed = new DefaultListModel<>();
    private final JList<String> feedList = new JList<>(feed);
    private final DefaultListModel<String> chat = new DefaultListModel<>();
    final JTextField chatInput = new JTextField();
    final JButton endNow;
    final JButton send;

    ActiveBanner(Messages text, ZoneId zone, Runnable onEnd, Consumer<String> onChat) {
        super(text.get("banner.title"));
        this.text = text;
        this.zone = zone;
        this.wording = new FeedWording(text);
        setAlwaysOnTop(true);
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        Color warning = UIManager.getColor("Fieldlink.banner.background");
        Color onWarning = UIManager.getColor("Fieldlink.banner.foreground");
        endNow = new JButton(text.get("banner.endNow"));
        endNow.setBackground(UIManager.getColor("Fieldlink.banner.endBackground"));
        endNow.setForeground(UIManager.getColor("Fieldlink.banner.endForeground"));
        endNow.setFont(endNow.getFont().deriveFont(Font.BOLD, endNow.getFont().getSize2D() * 1.3f));
        endNow.addActionListener(e -> onEnd.run());
        send = new JButton(text.get("chat.send"));
        Runnable sendChat = () -> {
            String t = chatInput.getText();
            if (!t.isBlank()) {
                onChat.accept(t);
                chatInput.setText("");
            }
        };
        send.addActionListener(e -> sendChat.run());
        chatInput.addActionListener(e -> sendChat.run());

        title = new JLabel(text.get("banner.title"));
        title.setForeground(onWarning);
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        who.setForeground(onWarning);
        who.setFont(who.getFont().deriveFont(Font.BOLD, who.getFont().getSize2D() * 1.5f));
        remaining.setForeground(onWarning);
        remaining.setFont(
                remaining.getFont().deriveFont(Font.BOLD, remaining.getFont().getSize2D() * 1.25f));
        sees.setForeground(onWarning);
        JPanel lines = new JPanel();
        lines.setOpaque(false);
        lines.setLayout(new BoxLayout(lines, BoxLayout.Y_AXIS));
        lines.add(title);
        lines.add(who);
        lines.add(remaining);
        lines.add(sees);
        JPanel bar = new JPanel(new BorderLayout(12, 0));
        bar.setBackground(warning);
        bar.setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
        bar.add(photo, BorderLayout.WEST);
        bar.add(lines, BorderLayout.CENTER);
        JPanel endBox = new JPanel(new GridBagLayout());
        endBox.setOpaque(false);
        endBox.add(endNow);
        bar.add(endBox, BorderLayout.EAST);

        JPanel feedPanel = new JPanel(new BorderLayout(0, 4));
        feedPanel.setBorder(BorderFactory.createEmptyBorder(8, 8, 4, 8));
        JLabel feedTitle = new JLabel(text.get("feed.title"));
        feedTitle.setFont(feedTitle.getFont().deriveFont(Font.BOLD));
        feedPanel.add(feedTitle, BorderLayout.NORTH);
        feedPanel.add(new JScrollPane(feedList), BorderLayout.CENTER);

        JPanel chatPanel = new JPanel(new BorderLayout(0, 4));
        chatPanel.setBorder(BorderFactory.createEmptyBorder(4, 8, 8, 8));
        JLabel chatTitle = new JLabel(text.get("chat.title"));
        chatTitle.setFont(chatTitle.getFont().deriveFont(Font.BOLD));
        chatPanel.add(chatTitle, BorderLayout.NORTH);
        chatPanel.add(new JScrollPane(new JList<>(chat)), BorderLayout.CENTER);
        JPanel input = new JPanel(new BorderLayout(6, 0));
        input.add(chatInput, BorderLayout.CENTER);
        input.add(send, BorderLayout.EAST);
        chatPanel.add(input, BorderLayout.SOUTH);

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, feedPanel, chatPanel);
        split.setResizeWeight(0.6);
        split.setBorder(null);
        JPanel content = new JPanel(new BorderLayout());
        content.add(bar, BorderLayout.NORTH);
        content.add(split, BorderLayout.CENTER);
        setContentPane(content);
        setPreferredSize(new Dimension(720, 620));
        pack();
    }

    private JLabel title;

    void mark(String mark) {
        title.setText("[" + mark + "] " + title.getText());
    }

    void show(ActiveSession s, List<ActionEntry> entries, List<ChatLine> lines, String operatorLabel) {
        photo.setIcon(Photos.icon(s.photoPng(), s.technicianName(), 64));
        who.setText(text.get("banner.who", s.technicianName(), s.company()));
        sees.setText(text.get("banner.sees"));
        feed.clear();
        for (int i = entries.size() - 1; i >= 0; i--) {
            ActionEntry e = entries.get(i);
            feed.addElement(TIME.format(e.at().atZone(zone)) + "   " + wording.line(e));
        }
        chat.clear();
        for (ChatLine l : lines) {
            String author = "operator".equals(l.from()) ? operatorLabel : l.author();
            chat.addElement(TIME.format(l.at().atZone(zone)) + "  " + author + ": " + l.text());
        }
    }

    /** The feed lines as shown, newest first (for tests). */
    List<String> feedLines() {
        return Collections.list(feed.elements());
    }

    void remaining(Duration left) {
        remaining.setText(text.get("banner.remaining", Messages.clock(left)));
    }
}
