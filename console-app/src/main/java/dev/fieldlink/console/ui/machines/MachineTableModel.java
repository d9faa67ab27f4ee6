package dev.fieldlink.console.ui.machines;

import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.protocol.api.MachineView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.table.AbstractTableModel;

/** The machines the relay returned, one row each, in the relay's order. Use on the EDT. */
public final class MachineTableModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;

    /** The columns, in order. */
    public enum Column {
        NAME(String.class),
        CUSTOMER(String.class),
        SITE(String.class),
        REGION(String.class),
        PRODUCT_LINE(String.class),
        MODEL(String.class),
        ONLINE(Boolean.class),
        LAST_SEEN(Instant.class);

        final Class<?> type;

        Column(Class<?> type) {
            this.type = type;
        }
    }

    private final transient Messages messages;
    private transient List<MachineView> rows = List.of();

    public MachineTableModel(Messages messages) {
        this.messages = messages;
    }

    /**
     * Replaces the rows. When the same machines come back (the usual poll), only changed rows are announced, so
     * selection and sorting stay as they are.
     */
    public void replaceAll(List<MachineView> machines) {
        List<MachineView> next = List.copyOf(machines);
        if (sameIds(rows, next)) {
            List<MachineView> previous = rows;
            rows = next;
            for (int i = 0; i < next.size(); i++) {
                if (!previous.get(i).equals(next.get(i))) {
                    fireTableRowsUpdated(i, i);
                }
            }
            return;
        }
        rows = next;
        fireTableDataChanged();
    }

    private static boolean sameIds(List<MachineView> a, List<MachineView> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).id().equals(b.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    public MachineView machineAt(int modelRow) {
        return rows.get(modelRow);
    }

    /** The row of the machine with this id. */
    public Optional<Integer> rowOf(String id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public List<MachineView> machines() {
        return rows;
    }

    /** Distinct values of a text column, sorted, for the filter boxes. */
    public List<String> distinct(Column column) {
        return rows.stream()
                .map(m -> (String) value(m, column))
                .filter(v -> v != null && !v.isBlank())
                .distinct()
                .sorted()
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return Column.values().length;
    }

    @Override
    public String getColumnName(int column) {
        return messages.get("machines.column." + Column.values()[column].name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return Column.values()[column].type;
    }

    @Override
    public Object getValueAt(int row, int column) {
        return value(rows.get(row), Column.values()[column]);
    }

    static Object value(MachineView m, Column column) {
        return switch (column) {
            case NAME -> m.name();
            case CUSTOMER -> m.customer();
            case SITE -> m.site();
            case REGION -> m.region();
            case PRODUCT_LINE -> m.productLine();
            case MODEL -> m.model();
            case ONLINE -> m.online();
            case LAST_SEEN -> m.lastSeen();
        };
    }
}
