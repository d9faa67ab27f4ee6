package dev.fieldlink.agent.panel;

import dev.fieldlink.agent.session.ConsentRequest;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.time.Duration;
import java.util.function.IntConsumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.UIManager;
import javax.swing.WindowConstants;

/**
 * The consent request: who asks (photo, name, company), why (reason, case number), for how long, a countdown to the
 * deadline, Allow with a duration never above what the request allows, and Decline. Closing the window is not an
 * answer: the request then lapses at its deadline.
 */
final class ConsentWindow extends JFrame {
    private static final long serialVersionUID = 1L;

    private final transient Messages text;
    private final JLabel photo = new JLabel();
    private final JLabel heading = new JLabel();
    private final JLabel name = new JLabel();
    private final JLabel company = new JLabel();
    private final JLabel reason = new JLabel();
    private final JLabel caseNumber = new JLabel();
    private final JLabel requested = new JLabel();
    private final JLabel countdown = new JLabel();
    final JComboBox<Integer> duration = new JComboBox<>();
    final JButton allow;
    final JButton decline;

    ConsentWindow(Messages text, IntConsumer onAllow, Runnable onDecline) {
        super(text.get("consent.title"));
        this.text = text;
        setAlwaysOnTop(true);
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        allow = new JButton(text.get("consent.allow"));
        allow.setBackground(UIManager.getColor("Fieldlink.consent.allowBackground"));
        allow.setForeground(UIManager.getColor("Fieldlink.consent.allowForeground"));
        allow.addActionListener(e -> onAllow.accept((Integer) duration.getSelectedItem()));
        decline = new JButton(text.get("consent.decline"));
        decline.addActionListener(e -> onDecline.run());
        duration.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(
                    JList<?> list, Object value, int index, boolean selected, boolean focus) {
                return super.getListCellRendererComponent(
                        list, value == null ? "" : text.get("consent.minutes", value), index, selected, focus);
            }
        });

        heading.putClientProperty("FlatLaf.styleClass", "h3");
        name.putClientProperty("FlatLaf.styleClass", "h1");
        countdown.setFont(countdown.getFont().deriveFont(Font.BOLD));

        JPanel facts = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(2, 0, 2, 12);
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 2;
        facts.add(name, c);
        c.gridwidth = 1;
        row(facts, c, 1, "consent.company", company);
        row(facts, c, 2, "consent.reason", reason);
        row(facts, c, 3, "consent.case", caseNumber);
        row(facts, c, 4, "consent.requested", requested);

        JPanel body = new JPanel(new BorderLayout(16, 8));
        body.setBorder(BorderFactory.createEmptyBorder(16, 16, 8, 16));
        body.add(heading, BorderLayout.NORTH);
        body.add(photo, BorderLayout.WEST);
        body.add(facts, BorderLayout.CENTER);

        JPanel answer = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        answer.add(new JLabel(text.get("consent.duration")));
        answer.add(duration);
        answer.add(allow);
        answer.add(decline);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.setBorder(BorderFactory.createEmptyBorder(8, 16, 16, 16));
        bottom.add(countdown, BorderLayout.WEST);
        bottom.add(answer, BorderLayout.EAST);

        JPanel content = new JPanel(new BorderLayout());
        content.add(body, BorderLayout.CENTER);
        content.add(bottom, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(null);
    }

    /** Shows {@code mark} (e.g. SANDBOX) above the request, in the alarm colour, as the strip does. */
    void mark(String mark) {
        JLabel label = new JLabel(mark);
        label.setFont(label.getFont().deriveFont(Font.BOLD));
        label.setForeground(UIManager.getColor("Fieldlink.strip.alarm"));
        label.setBorder(BorderFactory.createEmptyBorder(8, 16, 0, 16));
        getContentPane().add(label, BorderLayout.NORTH);
        pack();
    }

    private void row(JPanel p, GridBagConstraints c, int y, String key, JLabel value) {
        c.gridy = y;
        c.gridx = 0;
        JLabel label = new JLabel(text.get(key));
        label.putClientProperty("FlatLaf.styleClass", "small");
        p.add(label, c);
        c.gridx = 1;
        value.setFont(value.getFont().deriveFont(Font.BOLD));
        p.add(value, c);
    }

    /** Shows {@code r}; the duration defaults to the longest allowed, which the operator can lower. */
    void show(ConsentRequest r) {
        photo.setIcon(Photos.icon(r.photoPng(), r.technicianName(), 128));
        heading.setText(
                r.extension() ? text.get("consent.extension", r.requestedMinutes()) : text.get("consent.heading"));
        name.setText(r.technicianName());
        company.setText(r.company());
        reason.setText(r.reason());
        caseNumber.setText(r.caseNumber());
        requested.setText(text.get("consent.minutes", r.requestedMinutes()));
        duration.removeAllItems();
        for (Integer m : r.durationChoices()) {
            duration.addItem(m);
        }
        duration.setSelectedItem(r.maxMinutes());
        pack();
    }

    void countdown(Duration left) {
        countdown.setText(text.get("consent.countdown", Messages.clock(left)));
    }
}
