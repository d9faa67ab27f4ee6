package dev.fieldlink.console.ui.machines;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.icons.FlatSearchIcon;
import dev.fieldlink.console.ui.Forms;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.protocol.api.MachineView;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.GridBagLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.SortOrder;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;

/** The machine list screen. Lays out; {@link MachineListController} loads. Build and use on the EDT. */
public final class MachineListPanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Messages messages;
    private final transient MachineListController controller;
    private final transient Clock clock;
    private final MachineTableModel model;
    private final JTable table;
    private final TableRowSorter<MachineTableModel> sorter;
    private final JTextField search = new JTextField(18);
    private final JComboBox<String> region = new JComboBox<>();
    private final JComboBox<String> productLine = new JComboBox<>();
    private final JCheckBox onlineOnly;
    private final JLabel status;
    private final JButton request;
    private final CardLayout cards = new CardLayout();
    private final JPanel center = new JPanel(cards);
    private String shown = "";
    private boolean updatingFilters;

    public MachineListPanel(
            MachineListController controller, Messages messages, Clock clock, Consumer<MachineView> onRequest) {
        super(new BorderLayout());
        this.messages = messages;
        this.controller = controller;
        this.clock = clock;
        this.model = new MachineTableModel(messages);
        setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));

        table = new JTable(model);
        table.setName("machines");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setRowHeight(Math.max(table.getRowHeight(), 26));
        sorter = new TableRowSorter<>(model);
        sorter.setSortKeys(List.of(new javax.swing.RowSorter.SortKey(0, SortOrder.ASCENDING)));
        table.setRowSorter(sorter);
        table.setDefaultRenderer(Boolean.class, new OnlineRenderer());
        table.setDefaultRenderer(Instant.class, new LastSeenRenderer());
        int[] widths = {190, 150, 110, 70, 100, 80, 80, 100};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }

        search.setName("search");
        search.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, messages.get("machines.searchHint"));
        search.putClientProperty(FlatClientProperties.TEXT_FIELD_LEADING_ICON, new FlatSearchIcon());
        search.putClientProperty(FlatClientProperties.TEXT_FIELD_SHOW_CLEAR_BUTTON, true);
        region.setName("region");
        productLine.setName("productLine");
        onlineOnly = new JCheckBox(messages.get("machines.onlineOnly"));
        onlineOnly.setName("onlineOnly");
        status = Forms.muted(new JLabel(" "));
        status.setName("status");
        JButton refresh = new JButton(messages.get("machines.refresh"));
        refresh.setName("refresh");
        refresh.addActionListener(e -> controller.refresh());

        JPanel filters = new JPanel();
        filters.setLayout(new BoxLayout(filters, BoxLayout.LINE_AXIS));
        filters.add(search);
        filters.add(Box.createHorizontalStrut(8));
        filters.add(new JLabel(messages.get("machines.region")));
        filters.add(Box.createHorizontalStrut(4));
        filters.add(region);
        filters.add(Box.createHorizontalStrut(8));
        filters.add(new JLabel(messages.get("machines.productLine")));
        filters.add(Box.createHorizontalStrut(4));
        filters.add(productLine);
        filters.add(Box.createHorizontalStrut(8));
        filters.add(onlineOnly);
        filters.add(Box.createHorizontalGlue());
        filters.add(refresh);
        filters.setBorder(BorderFactory.createEmptyBorder(0, 0, 8, 0));
        add(filters, BorderLayout.NORTH);

        center.add(new JScrollPane(table), "table");
        center.add(explanation("machines.empty.title", "machines.empty.text", "emptyState"), "empty");
        center.add(explanation("machines.noMatch.title", "machines.noMatch.text", "noMatch"), "noMatch");
        center.add(explanation("machines.loading.title", "machines.loading.text", "loading"), "loading");
        add(center, BorderLayout.CENTER);

        request = new JButton(messages.get("machines.request"));
        request.setName("request");
        request.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_BORDERLESS);
        request.putClientProperty(FlatClientProperties.STYLE, "font: bold");
        request.addActionListener(e -> selected().ifPresent(onRequest));
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(status, BorderLayout.CENTER);
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.TRAILING, 0, 0));
        actions.add(request);
        bottom.add(actions, BorderLayout.EAST);
        bottom.setBorder(BorderFactory.createEmptyBorder(8, 0, 0, 0));
        add(bottom, BorderLayout.SOUTH);

        table.getSelectionModel().addListSelectionListener(e -> updateRequestButton());
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && request.isEnabled()) {
                    selected().ifPresent(onRequest);
                }
            }
        });
        search.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                applyFilter();
            }
        });
        region.addActionListener(e -> applyFilter());
        productLine.addActionListener(e -> applyFilter());
        onlineOnly.addActionListener(e -> applyFilter());
        updateRequestButton();
    }

    @Override
    public void addNotify() {
        super.addNotify();
        controller.setListener(this::show);
        controller.start();
    }

    @Override
    public void removeNotify() {
        controller.stop();
        controller.setListener(s -> {});
        super.removeNotify();
    }

    private JPanel explanation(String titleKey, String textKey, String name) {
        JPanel panel = new JPanel(new GridBagLayout());
        panel.setName(name);
        JPanel box = new JPanel();
        box.setLayout(new BoxLayout(box, BoxLayout.PAGE_AXIS));
        JLabel title = Forms.heading(new JLabel(messages.get(titleKey)), "h2");
        title.setAlignmentX(Component.LEFT_ALIGNMENT);
        JTextArea text = Forms.message(name + "Text");
        text.setText(messages.get(textKey));
        text.setColumns(40);
        text.setAlignmentX(Component.LEFT_ALIGNMENT);
        box.add(title);
        box.add(Box.createVerticalStrut(8));
        box.add(text);
        panel.add(box);
        return panel;
    }

    /** The current filter as the boxes say. */
    public MachineFilter filter() {
        return new MachineFilter(
                search.getText(),
                region.getSelectedIndex() <= 0 ? null : (String) region.getSelectedItem(),
                productLine.getSelectedIndex() <= 0 ? null : (String) productLine.getSelectedItem(),
                onlineOnly.isSelected());
    }

    private void applyFilter() {
        if (updatingFilters) {
            return;
        }
        MachineFilter filter = filter();
        sorter.setRowFilter(new RowFilter<MachineTableModel, Integer>() {
            @Override
            public boolean include(Entry<? extends MachineTableModel, ? extends Integer> entry) {
                return filter.test(entry.getModel().machineAt(entry.getIdentifier()));
            }
        });
        showCard();
        updateRequestButton();
    }

    private void show(MachineListController.State state) {
        String selectedId = selected().map(MachineView::id).orElse(null);
        model.replaceAll(state.machines());
        fillChoices(region, model.distinct(MachineTableModel.Column.REGION));
        fillChoices(productLine, model.distinct(MachineTableModel.Column.PRODUCT_LINE));
        if (selectedId != null) {
            model.rowOf(selectedId).ifPresent(row -> {
                int view = table.convertRowIndexToView(row);
                if (view >= 0) {
                    table.getSelectionModel().setSelectionInterval(view, view);
                }
            });
        }
        applyFilter();
        if (state.error() != null) {
            status.setText(state.error());
            Forms.error(status);
        } else {
            Forms.muted(status);
            status.setText(
                    state.updatedAt() == null
                            ? messages.get("machines.loading.title")
                            : messages.get(
                                    "machines.status",
                                    state.machines().size(),
                                    DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                                            .withLocale(messages.locale())
                                            .format(state.updatedAt().atZone(clock.getZone()))));
        }
    }

    private void fillChoices(JComboBox<String> box, List<String> values) {
        List<String> current = new ArrayList<>();
        for (int i = 1; i < box.getItemCount(); i++) {
            current.add(box.getItemAt(i));
        }
        if (box.getItemCount() > 0 && current.equals(values)) {
            return;
        }
        Object selected = box.getSelectedIndex() > 0 ? box.getSelectedItem() : null;
        updatingFilters = true;
        try {
            box.removeAllItems();
            box.addItem(messages.get("machines.any"));
            values.forEach(box::addItem);
            box.setSelectedItem(selected != null && values.contains(selected) ? selected : box.getItemAt(0));
        } finally {
            updatingFilters = false;
        }
    }

    private void showCard() {
        MachineListController.State state = controller.state();
        String card;
        if (!state.loaded()) {
            card = "loading";
        } else if (model.getRowCount() == 0) {
            card = "empty";
        } else if (table.getRowCount() == 0) {
            card = "noMatch";
        } else {
            card = "table";
        }
        if (!card.equals(shown)) {
            cards.show(center, card);
            shown = card;
        }
    }

    /** The card now shown: {@code table}, {@code empty}, {@code noMatch} or {@code loading}. */
    public String shownCard() {
        return shown;
    }

    /** The selected machine, if any. */
    public Optional<MachineView> selected() {
        int row = table.getSelectedRow();
        return row < 0 ? Optional.empty() : Optional.of(model.machineAt(table.convertRowIndexToModel(row)));
    }

    /** Selects the machine with this id if it is shown. */
    public boolean select(String id) {
        Optional<Integer> row = model.rowOf(id);
        if (row.isEmpty()) {
            return false;
        }
        int view = table.convertRowIndexToView(row.get());
        if (view < 0) {
            return false;
        }
        table.getSelectionModel().setSelectionInterval(view, view);
        table.scrollRectToVisible(table.getCellRect(view, 0, true));
        return true;
    }

    public JTable table() {
        return table;
    }

    private void updateRequestButton() {
        Optional<MachineView> machine = selected();
        boolean possible = machine.isPresent()
                && machine.get().online()
                && machine.get().switches() != null
                && machine.get().switches().remoteService();
        request.setEnabled(possible);
        request.setToolTipText(
                machine.isEmpty()
                        ? messages.get("machines.request.selectFirst")
                        : !machine.get().online()
                                ? messages.get("machines.request.offline")
                                : !possible ? messages.get("machines.request.switchOff") : null);
    }

    private final class OnlineRenderer extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getTableCellRendererComponent(
                JTable table, Object value, boolean selected, boolean focus, int row, int column) {
            boolean online = Boolean.TRUE.equals(value);
            super.getTableCellRendererComponent(
                    table,
                    online ? "● " + messages.get("machines.online") : "○ " + messages.get("machines.offline"),
                    selected,
                    focus,
                    row,
                    column);
            if (!selected) {
                setForeground(UIManager.getColor(online ? "Actions.Green" : "Label.disabledForeground"));
            }
            return this;
        }
    }

    private final class LastSeenRenderer extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getTableCellRendererComponent(
                JTable table, Object value, boolean selected, boolean focus, int row, int column) {
            return super.getTableCellRendererComponent(table, lastSeen((Instant) value), selected, focus, row, column);
        }
    }

    /** "now", "5 min ago", "3 h ago", or a date. */
    String lastSeen(Instant at) {
        if (at == null) {
            return messages.get("machines.never");
        }
        Duration ago = Duration.between(at, clock.instant());
        if (ago.toSeconds() < 60) {
            return messages.get("machines.justNow");
        }
        if (ago.toMinutes() < 60) {
            return messages.get("machines.minutesAgo", ago.toMinutes());
        }
        if (ago.toHours() < 24) {
            return messages.get("machines.hoursAgo", ago.toHours());
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(messages.locale())
                .format(at.atZone(Objects.requireNonNullElse(clock.getZone(), ZoneId.systemDefault())));
    }
}
