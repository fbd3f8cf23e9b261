package dev.tvrecsys.data.io;

import java.io.IOException;

/**
 * Receiver of the validated events of a streamed read, one call per kept row, in file order.
 *
 * <p>The parameters are the fields that {@link dev.tvrecsys.data.EventLog.Builder#add} takes, so
 * {@code builder::add} is a consumer. An exception thrown by the consumer stops the read and
 * propagates unchanged.
 */
@FunctionalInterface
public interface EventConsumer {

    /**
     * Receives one event.
     *
     * @param userId viewer id
     * @param sessionId playback session id
     * @param showId show id
     * @param assetType asset type, trimmed and upper-cased, for example {@code CHANNEL}
     * @param episodeId episode id
     * @param time event time, {@code day * 1440 + minuteOfDay}
     * @param day day number, or the epoch day where the file has ISO dates
     * @param minuteOfDay minute of the day, 0 to 1439
     * @param watchMinutes minutes watched, not negative
     * @throws IOException if the consumer fails to store or forward the event
     */
    void accept(
            int userId,
            int sessionId,
            int showId,
            String assetType,
            int episodeId,
            long time,
            int day,
            int minuteOfDay,
            int watchMinutes)
            throws IOException;
}
