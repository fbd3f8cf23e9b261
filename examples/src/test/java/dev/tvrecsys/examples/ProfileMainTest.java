package dev.tvrecsys.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.synthetic.SyntheticPlaybackGenerator;
import dev.tvrecsys.profile.DataProfile;
import dev.tvrecsys.profile.ProfileReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileMainTest {

    @Test
    void run_writesReportForGeneratedLog(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("playback.parquet");
        SyntheticPlaybackGenerator.write(
                input, SyntheticPlaybackGenerator.Config.defaults().withViewers(50));
        Path output = dir.resolve("profile");

        DataProfile profile =
                ProfileMain.run(
                        ProfileMain.parse(
                                "--input", input.toString(), "--output", output.toString()));

        assertEquals(50, profile.counts().viewers());
        assertTrue(Files.size(output.resolve(ProfileReport.MARKDOWN)) > 0);
        assertTrue(Files.size(output.resolve(ProfileReport.WEEKDAY_HOUR_PNG)) > 0);
    }

    @Test
    void parse_rejectsTrainingOption() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> ProfileMain.parse("--epochs"));

        assertTrue(error.getMessage().contains("--epochs"), error.getMessage());
    }
}
