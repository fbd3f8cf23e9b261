package dev.tvrecsys.data;

/**
 * Every viewer's events of an {@link EventLog} in time order.
 *
 * <p>Events are ordered by viewer, then by {@link EventLog#time(int)}, then by session id, and then
 * by their row in the log, so events with equal times keep a stable and documented order. Viewer
 * {@code v} owns positions {@code start(v)} (inclusive) to {@code end(v)} (exclusive), and {@code
 * row(p)} gives the log row at position {@code p}. Viewers are in ascending id order.
 */
public final class ViewerHistories {

    private final EventLog log;
    private final int[] order;
    private final int[] viewerIds;
    private final int[] offsets;

    private ViewerHistories(EventLog log, int[] order, int[] viewerIds, int[] offsets) {
        this.log = log;
        this.order = order;
        this.viewerIds = viewerIds;
        this.offsets = offsets;
    }

    /**
     * Groups and orders the events of {@code log} by viewer.
     *
     * @param log the events
     * @return the histories
     */
    public static ViewerHistories of(EventLog log) {
        int n = log.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IntSorts.stableSort(
                order,
                (a, b) -> {
                    int byUser = Integer.compare(log.userId(a), log.userId(b));
                    if (byUser != 0) {
                        return byUser;
                    }
                    int byTime = Long.compare(log.time(a), log.time(b));
                    if (byTime != 0) {
                        return byTime;
                    }
                    return Integer.compare(log.sessionId(a), log.sessionId(b));
                });

        int viewers = 0;
        for (int p = 0; p < n; p++) {
            if (p == 0 || log.userId(order[p]) != log.userId(order[p - 1])) {
                viewers++;
            }
        }
        int[] viewerIds = new int[viewers];
        int[] offsets = new int[viewers + 1];
        int v = 0;
        for (int p = 0; p < n; p++) {
            if (p == 0 || log.userId(order[p]) != log.userId(order[p - 1])) {
                viewerIds[v] = log.userId(order[p]);
                offsets[v] = p;
                v++;
            }
        }
        offsets[viewers] = n;
        return new ViewerHistories(log, order, viewerIds, offsets);
    }

    /** Returns the log these histories index into. */
    public EventLog log() {
        return log;
    }

    /** Returns the number of viewers. */
    public int viewerCount() {
        return viewerIds.length;
    }

    /** Returns the id of viewer {@code v}. */
    public int viewerId(int v) {
        return viewerIds[v];
    }

    /** Returns the first position of viewer {@code v}. */
    public int start(int v) {
        return offsets[v];
    }

    /** Returns the position after the last event of viewer {@code v}. */
    public int end(int v) {
        return offsets[v + 1];
    }

    /** Returns the number of events of viewer {@code v}. */
    public int length(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** Returns the log row at history position {@code position}. */
    public int row(int position) {
        return order[position];
    }

    /** Returns the total number of events. */
    public int eventCount() {
        return order.length;
    }
}
