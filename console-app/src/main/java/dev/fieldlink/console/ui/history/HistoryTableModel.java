package dev.fieldlink.console.ui.history;

import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.protocol.api.HistoryEntry;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/** One page of session history. Use on the EDT. */
public final class HistoryTableModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    private static final String[] COLUMNS = {
        "created", "technician", "machine", "customer", "region", "outcome", "duration", "reason", "caseNumber"
    };

    private final transient Messages messages;
    private final transient DateTimeFormatter time;
    private transient List<HistoryEntry> rows = List.of();

    public HistoryTableModel(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(messages.locale())
                .withZone(zone);
    }

    public void setRows(List<HistoryEntry> entries) {
        rows = List.copyOf(entries);
        fireTableDataChanged();
    }

    public HistoryEntry entryAt(int row) {
        return rows.get(row);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return messages.get("history.column." + COLUMNS[column]);
    }

    @Override
    public Object getValueAt(int row, int column) {
        HistoryEntry e = rows.get(row);
        return switch (column) {
            case 0 -> e.createdAt() == null ? "" : time.format(e.createdAt());
            case 1 -> e.technicianName();
            case 2 -> e.machineName();
            case 3 -> e.customer();
            case 4 -> e.region();
            case 5 -> outcome(messages, e);
            case 6 ->
                e.startedAt() == null || e.endedAt() == null
                        ? ""
                        : messages.get(
                                "duration.minutes",
                                Math.max(
                                        1,
                                        Duration.between(e.startedAt(), e.endedAt())
                                                .toMinutes()));
            case 7 -> e.reason();
            default -> e.caseNumber() == null ? "" : e.caseNumber();
        };
    }

    /** "Ended – operator ended", "Declined", ... */
    static String outcome(Messages messages, HistoryEntry e) {
        String state = e.state() == null
                ? ""
                : messages.get("history.state." + e.state().name());
        return e.endCause() == null || e.state() != dev.fieldlink.protocol.session.SessionState.ENDED
                ? state
                : state + " \u2013 "
                        + messages.get("history.cause." + e.endCause().name());
    }
}
