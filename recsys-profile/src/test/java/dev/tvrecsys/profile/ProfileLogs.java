package dev.tvrecsys.profile;

import dev.tvrecsys.data.EventLog;

/** Hand-made logs whose profiles the tests compute by hand. */
final class ProfileLogs {

    private ProfileLogs() {}

    /**
     * Three viewers, eleven events, day numbers 1 to 8. In time order viewer 1 watches shows 10,
     * 20, 10, 10, 30, 10, viewer 2 watches 20, 20, 40 and viewer 3 watches 10, 50. Rows are added
     * out of time order so that the profiler has to sort them.
     */
    static EventLog threeViewers() {
        EventLog.Builder builder = EventLog.builder("three-viewers", true);
        add(builder, 1, 1, 10, "CHANNEL", 0, 1, 60, 30);
        add(builder, 1, 2, 10, "VOD", 101, 2, 600, 45);
        add(builder, 1, 1, 20, "CHANNEL", 0, 1, 120, 2);
        add(builder, 1, 2, 10, "VOD", 102, 2, 660, 50);
        add(builder, 1, 3, 30, "RECORDING", 301, 3, 1200, 3);
        add(builder, 1, 3, 10, "VOD", 103, 3, 1260, 5);
        add(builder, 2, 1, 20, "CHANNEL", 0, 1, 60, 10);
        add(builder, 2, 2, 40, "VOD", 401, 8, 100, 20);
        add(builder, 2, 1, 20, "CHANNEL", 0, 1, 90, 4);
        add(builder, 3, 1, 10, "CHANNEL", 0, 7, 0, 60);
        add(builder, 3, 1, 50, "RECORDING", 501, 7, 70, 1);
        return builder.build();
    }

    private static void add(
            EventLog.Builder builder,
            int user,
            int session,
            int show,
            String asset,
            int episode,
            int day,
            int minute,
            int watched) {
        long time = (long) day * EventLog.MINUTES_PER_DAY + minute;
        builder.add(user, session, show, asset, episode, time, day, minute, watched);
    }
}
