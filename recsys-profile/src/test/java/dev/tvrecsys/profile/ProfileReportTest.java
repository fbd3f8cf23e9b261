package dev.tvrecsys.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tvrecsys.data.EventLog;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileReportTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void write_createsMarkdownJsonAndCharts(@TempDir Path dir) throws Exception {
        DataProfile profile = DataProfiler.profile(ProfileLogs.threeViewers());
        Path folder = dir.resolve("report");

        List<Path> written = ProfileReport.write(profile, folder);

        assertEquals(6, written.size());
        for (String chart :
                List.of(
                        ProfileReport.HISTORY_LENGTH_PNG,
                        ProfileReport.WEEKDAY_HOUR_PNG,
                        ProfileReport.SHOW_POPULARITY_PNG,
                        ProfileReport.WATCH_MINUTES_PNG)) {
            Path file = folder.resolve(chart);
            assertTrue(Files.size(file) > 5_000, chart + " has " + Files.size(file) + " bytes");
            assertArrayEquals(PNG_MAGIC, firstBytes(file, PNG_MAGIC.length), chart);
        }
        String markdown = Files.readString(folder.resolve(ProfileReport.MARKDOWN));
        assertTrue(markdown.contains("## Top 20 shows"), markdown);
        assertTrue(markdown.contains("| CHANNEL | 5 | 45.5% |"), markdown);
        assertTrue(markdown.contains("4 of 8 next events (50.0%)"), markdown);
        assertTrue(markdown.contains("4 of 5 shows have fewer than 5 events"), markdown);
    }

    @Test
    void write_jsonMatchesProfile(@TempDir Path dir) throws Exception {
        DataProfile profile = DataProfiler.profile(ProfileLogs.threeViewers());

        ProfileReport.write(profile, dir);

        JsonNode json = new ObjectMapper().readTree(dir.resolve(ProfileReport.JSON).toFile());
        assertEquals(11, json.at("/counts/events").asLong());
        assertEquals(3.0, json.at("/history_length/p50").asDouble(), 1e-12);
        assertEquals(32.5, json.at("/asset_types/1/p50_minutes").asDouble(), 1e-12);
        assertEquals(10, json.at("/top_shows/0/show_id").asInt());
        assertEquals(0.5, json.at("/repeats/share").asDouble(), 1e-12);
        assertEquals(4, json.at("/events_by_weekday_hour/1/1").asLong());
        assertEquals("DAY_NUMBER_MOD_7", json.at("/weekday_basis").asText());
    }

    @Test
    void write_withoutClockTimeOrMinutesSkipsCharts(@TempDir Path dir) throws Exception {
        EventLog.Builder builder = EventLog.builder("positions", false);
        for (int i = 0; i < 30; i++) {
            builder.add(1 + i % 3, 0, i % 4, "VOD", 0, i, 0, 0, 0);
        }

        ProfileReport.write(DataProfiler.profile(builder.build()), dir);

        assertTrue(Files.exists(dir.resolve(ProfileReport.HISTORY_LENGTH_PNG)));
        assertTrue(Files.exists(dir.resolve(ProfileReport.SHOW_POPULARITY_PNG)));
        assertFalse(Files.exists(dir.resolve(ProfileReport.WEEKDAY_HOUR_PNG)));
        assertFalse(Files.exists(dir.resolve(ProfileReport.WATCH_MINUTES_PNG)));
        String markdown = Files.readString(dir.resolve(ProfileReport.MARKDOWN));
        assertTrue(markdown.contains("This log has no clock time"), markdown);
    }

    private static byte[] firstBytes(Path file, int count) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(count);
        }
    }
}
