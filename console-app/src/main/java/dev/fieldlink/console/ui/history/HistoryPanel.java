package dev.fieldlink.console.ui.history;

import com.formdev.flatlaf.FlatClientProperties;
import dev.fieldlink.console.relay.HistoryQuery;
import dev.fieldlink.console.ui.Forms;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.protocol.api.HistoryDetail;
import dev.fieldlink.protocol.api.HistoryEntry;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.session.SessionState;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableModel;

/** The history screen for team leads. Lays out; {@link HistoryController} loads. Use on the EDT. */
public final class HistoryPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final transient HistoryController controller;
    private final transient Messages messages;
    private final transient ZoneId zone;
    private final HistoryTableModel model;
    private final JTable table;
    private final JTextField technician = new JTextField(10);
    private final JTextField machine = new JTextField(10);
    private final JTextField customer = new JTextField(10);
    private final JTextField from = new JTextField(8);
    private final JTextField to = new JTextField(8);
    private final JComboBox<String> outcome = new JComboBox<>();
    private final JLabel status = Forms.muted(new JLabel(" "));
    private final JButton previous;
    private final JButton next;
    private final JLabel detailTitle = Forms.heading(new JLabel(" "), "h3");
    private final JLabel detailLine = Forms.muted(new JLabel(" "));
    private final DefaultTableModel timeline;
    private final JButton replay;

    public HistoryPanel(HistoryController controller, Messages messages, ZoneId zone, Consumer<HistoryEntry> onReplay) {
        super(new BorderLayout());
        this.controller = controller;
        this.messages = messages;
        this.zone = zone;
        setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
        model = new HistoryTableModel(messages, zone);
        table = new JTable(model);
        table.setName("history");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setRowHeight(Math.max(table.getRowHeight(), 24));
        int[] widths = {130, 110, 160, 130, 60, 190, 70, 200, 90};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }

        technician.setName("technicianFilter");
        machine.setName("machineFilter");
        customer.setName("customerFilter");
        from.setName("fromFilter");
        to.setName("toFilter");
        outcome.setName("outcomeFilter");
        from.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, messages.get("history.dateHint"));
        to.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, messages.get("history.dateHint"));
        outcome.addItem(messages.get("machines.any"));
        for (SessionState s : SessionState.values()) {
            outcome.addItem(messages.get("history.state." + s.name()));
        }
        JButton search = new JButton(messages.get("history.search"));
        search.setName("historySearch");
        search.addActionListener(e -> search());
        JPanel who = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 2));
        who.add(new JLabel(messages.get("history.technician")));
        who.add(technician);
        who.add(new JLabel(messages.get("history.machine")));
        who.add(machine);
        who.add(new JLabel(messages.get("history.customer")));
        who.add(customer);
        JPanel when = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 2));
        when.add(new JLabel(messages.get("history.from")));
        when.add(from);
        when.add(new JLabel(messages.get("history.to")));
        when.add(to);
        when.add(new JLabel(messages.get("history.outcome")));
        when.add(outcome);
        when.add(search);
        JPanel filters = new JPanel(new java.awt.GridLayout(2, 1));
        filters.add(who);
        filters.add(when);
        filters.setBorder(BorderFactory.createEmptyBorder(0, 0, 6, 0));
        add(filters, BorderLayout.NORTH);

        previous = new JButton(messages.get("history.previous"));
        previous.addActionListener(e -> controller.page(controller.state().offset() - HistoryController.PAGE_SIZE));
        next = new JButton(messages.get("history.next"));
        next.addActionListener(e -> controller.page(controller.state().offset() + HistoryController.PAGE_SIZE));
        status.setName("historyStatus");
        JPanel paging = new JPanel(new BorderLayout());
        paging.add(status, BorderLayout.CENTER);
        JPanel pageButtons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
        pageButtons.add(previous);
        pageButtons.add(next);
        paging.add(pageButtons, BorderLayout.EAST);
        JPanel list = new JPanel(new BorderLayout(0, 6));
        list.add(new JScrollPane(table), BorderLayout.CENTER);
        list.add(paging, BorderLayout.SOUTH);

        timeline =
                new DefaultTableModel(
                        new Object[] {
                            messages.get("history.timeline.time"),
                            messages.get("history.timeline.event"),
                            messages.get("history.timeline.actor"),
                            messages.get("history.timeline.details")
                        },
                        0) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public boolean isCellEditable(int row, int column) {
                        return false;
                    }
                };
        JTable timelineTable = new JTable(timeline);
        timelineTable.setName("timeline");
        timelineTable.getColumnModel().getColumn(3).setPreferredWidth(360);
        replay = new JButton(messages.get("history.replay"));
        replay.setName("replay");
        replay.setEnabled(false);
        replay.addActionListener(e -> {
            HistoryDetail detail = controller.state().detail();
            if (detail != null) {
                onReplay.accept(detail.session());
            }
        });
        JPanel detailHead = new JPanel(new BorderLayout());
        JPanel titles = new JPanel(new BorderLayout());
        titles.add(detailTitle, BorderLayout.NORTH);
        titles.add(detailLine, BorderLayout.SOUTH);
        detailHead.add(titles, BorderLayout.CENTER);
        detailHead.add(replay, BorderLayout.EAST);
        detailHead.setBorder(BorderFactory.createEmptyBorder(8, 0, 6, 0));
        JPanel detail = new JPanel(new BorderLayout());
        detail.setName("historyDetail");
        detail.add(detailHead, BorderLayout.NORTH);
        detail.add(new JScrollPane(timelineTable), BorderLayout.CENTER);

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, list, detail);
        split.setResizeWeight(0.55);
        add(split, BorderLayout.CENTER);

        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && table.getSelectedRow() >= 0) {
                controller.select(model.entryAt(table.getSelectedRow()).sessionId());
            }
        });
    }

    @Override
    public void addNotify() {
        super.addNotify();
        controller.setListener(this::show);
        if (controller.state().entries().isEmpty() && !controller.state().loading()) {
            controller.search(HistoryQuery.ALL);
        }
    }

    @Override
    public void removeNotify() {
        controller.setListener(s -> {});
        super.removeNotify();
    }

    /** Runs the search the filter fields describe; a date that cannot be read is named in the status line. */
    public void search() {
        Instant fromInstant;
        Instant toInstant;
        try {
            fromInstant = date(from.getText(), false);
            toInstant = date(to.getText(), true);
        } catch (DateTimeParseException e) {
            status.setText(messages.get("history.badDate", e.getParsedString()));
            Forms.error(status);
            return;
        }
        int index = outcome.getSelectedIndex();
        controller.search(new HistoryQuery(
                blankToNull(technician.getText()),
                blankToNull(machine.getText()),
                blankToNull(customer.getText()),
                fromInstant,
                toInstant,
                index <= 0 ? null : SessionState.values()[index - 1]));
    }

    private Instant date(String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate day = LocalDate.parse(text.strip());
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void show(HistoryController.State state) {
        model.setRows(state.entries());
        previous.setEnabled(state.offset() > 0 && !state.loading());
        next.setEnabled(state.offset() + state.entries().size() < state.total() && !state.loading());
        if (state.error() != null) {
            status.setText(state.error());
            Forms.error(status);
        } else {
            Forms.muted(status);
            status.setText(
                    state.loading()
                            ? messages.get("history.loading")
                            : state.total() == 0
                                    ? messages.get("history.none")
                                    : messages.get(
                                            "history.range",
                                            state.offset() + 1,
                                            state.offset() + state.entries().size(),
                                            state.total()));
        }
        showDetail(state.detail());
    }

    private void showDetail(HistoryDetail detail) {
        timeline.setRowCount(0);
        replay.setEnabled(detail != null
                && detail.session().recordingBytes() != null
                && detail.session().recordingBytes() > 0);
        if (detail == null) {
            detailTitle.setText(messages.get("history.selectSession"));
            detailLine.setText(" ");
            return;
        }
        HistoryEntry s = detail.session();
        detailTitle.setText(messages.get("history.detailTitle", s.machineName(), s.technicianName()));
        detailLine.setText(messages.get(
                "history.detailLine",
                HistoryTableModel.outcome(messages, s),
                s.reason() == null ? "" : s.reason(),
                s.caseNumber() == null ? "–" : s.caseNumber()));
        for (AuditEvent event : detail.timeline()) {
            timeline.addRow(new Object[] {
                event.time() == null ? "" : TIME.format(event.time().atZone(zone)),
                eventName(event.type()),
                event.actor(),
                event.details().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "))
            });
        }
    }

    private String eventName(String type) {
        String key = "audit." + type;
        return messages.has(key) ? messages.get(key) : type;
    }

    public JTable table() {
        return table;
    }
}
