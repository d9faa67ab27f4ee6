package dev.fieldlink.console.ui.history;

import dev.fieldlink.console.relay.CancelToken;
import dev.fieldlink.console.relay.HistoryQuery;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.ui.ErrorTexts;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.UiTasks;
import dev.fieldlink.protocol.api.HistoryDetail;
import dev.fieldlink.protocol.api.HistoryEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Loads history pages and details for the history screen, in the background. Reports on the UI executor; call its
 * methods on the UI thread.
 */
public final class HistoryController {
    /** Rows per page. */
    public static final int PAGE_SIZE = 50;

    /**
     * @param entries the rows of the current page
     * @param total rows matching the filter in all
     * @param offset position of the first row
     * @param detail the selected session's detail, or null
     * @param loading a load is under way
     * @param error a sentence when the last load failed, else null
     */
    public record State(
            List<HistoryEntry> entries, long total, int offset, HistoryDetail detail, boolean loading, String error) {
        public State {
            entries = List.copyOf(entries);
        }
    }

    private final RelayClient client;
    private final UiTasks tasks;
    private final ErrorTexts errors;
    private Consumer<State> listener = s -> {};
    private State state = new State(List.of(), 0, 0, null, false, null);
    private HistoryQuery query = HistoryQuery.ALL;
    private CancelToken loading;

    public HistoryController(RelayClient client, UiTasks tasks, Messages messages) {
        this.client = Objects.requireNonNull(client, "client");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = new ErrorTexts(messages);
    }

    public void setListener(Consumer<State> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        listener.accept(state);
    }

    public State state() {
        return state;
    }

    /** Loads the first page for {@code query}. */
    public void search(HistoryQuery query) {
        this.query = Objects.requireNonNull(query, "query");
        page(0);
    }

    /** Loads the page starting at {@code offset} of the current query. */
    public void page(int offset) {
        if (loading != null) {
            loading.cancel();
        }
        update(new State(state.entries(), state.total(), state.offset(), state.detail(), true, null));
        HistoryQuery current = query;
        loading = tasks.run(
                cancel -> client.cancellable(cancel).history(current, Math.max(0, offset), PAGE_SIZE),
                page -> {
                    loading = null;
                    update(new State(page.items(), page.total(), page.offset(), null, false, null));
                },
                failure -> {
                    loading = null;
                    update(new State(
                            state.entries(), state.total(), state.offset(), state.detail(), false, describe(failure)));
                });
    }

    /** Loads the detail (with audit timeline) of one session. */
    public void select(String sessionId) {
        tasks.run(
                cancel -> client.cancellable(cancel).historyDetail(sessionId),
                detail -> update(new State(state.entries(), state.total(), state.offset(), detail, false, null)),
                failure -> update(
                        new State(state.entries(), state.total(), state.offset(), null, false, describe(failure))));
    }

    /**
     * Downloads a session's recording to {@code target}.
     *
     * @param progress told the bytes so far, on a background thread
     * @return the token that cancels the download
     */
    public CancelToken download(
            String sessionId, Path target, LongConsumer progress, Consumer<Path> onDone, Consumer<String> onError) {
        return tasks.run(
                cancel -> {
                    client.cancellable(cancel).downloadRecording(sessionId, target, progress);
                    return target;
                },
                onDone,
                failure -> onError.accept(describe(failure)));
    }

    private String describe(RuntimeException failure) {
        return errors.describe(failure, client.address().display());
    }

    private void update(State next) {
        state = next;
        listener.accept(next);
    }
}
