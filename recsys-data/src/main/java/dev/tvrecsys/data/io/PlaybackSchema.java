package dev.tvrecsys.data.io;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The columns of a playback log in Parquet.
 *
 * <p>Every column is required. {@code day} is a positive day number ("1", "2", ...) or an ISO date
 * {@code yyyy-MM-dd}, and one file uses one of the two kinds. {@code time} is the start time of day
 * {@code HH:MM}, from 00:00 to 23:59.
 */
public final class PlaybackSchema {

    /** Viewer id, int32. */
    public static final String USER_ID = "user_id";

    /** Playback session id, int32; consecutive events of one sitting share it. */
    public static final String SESSION_ID = "playback_session_id";

    /** Show id, int32. */
    public static final String SHOW_ID = "show_id";

    /** Asset type, string, for example CHANNEL, RECORDING, VOD or LOOKBACK. */
    public static final String ASSET_TYPE = "asset_type";

    /** Episode id, int32. */
    public static final String EPISODE_ID = "episode_id";

    /** Day number or ISO date, string. */
    public static final String DAY = "day";

    /** Start time of day {@code HH:MM}, string. */
    public static final String TIME = "time";

    /** Minutes watched, int32, not negative. */
    public static final String WATCH_MINUTES = "watch_minutes";

    /** The column names in file order. */
    public static final List<String> COLUMNS =
            List.of(USER_ID, SESSION_ID, SHOW_ID, ASSET_TYPE, EPISODE_ID, DAY, TIME, WATCH_MINUTES);

    private static final Schema AVRO_SCHEMA =
            SchemaBuilder.record("playback")
                    .namespace("dev.tvrecsys.data")
                    .fields()
                    .requiredInt(USER_ID)
                    .requiredInt(SESSION_ID)
                    .requiredInt(SHOW_ID)
                    .requiredString(ASSET_TYPE)
                    .requiredInt(EPISODE_ID)
                    .requiredString(DAY)
                    .requiredString(TIME)
                    .requiredInt(WATCH_MINUTES)
                    .endRecord();

    private PlaybackSchema() {}

    /** Returns the Avro schema that {@link PlaybackParquetWriter} writes. */
    public static Schema avroSchema() {
        return AVRO_SCHEMA;
    }

    /** Returns whether {@code column} contains strings rather than int32 values. */
    static boolean isStringColumn(String column) {
        return column.equals(ASSET_TYPE) || column.equals(DAY) || column.equals(TIME);
    }
}
