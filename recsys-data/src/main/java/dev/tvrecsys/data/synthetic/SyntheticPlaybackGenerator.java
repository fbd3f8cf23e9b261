package dev.tvrecsys.data.synthetic;

import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.io.PlaybackParquetWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the built-in synthetic TV playback data set, a seeded stand-in for a real export.
 *
 * <p><b>Catalogue.</b> {@link Config#shows()} shows, each in one of {@link Config#genres()} genres.
 * 35% are live shows, 45% series with 6 to 26 episodes of 22 to 60 minutes, and 20% movies of 80 to
 * 150 minutes. Popularity is Zipf-like: the show at popularity rank {@code r} (from 1, ranks
 * shuffled over the catalogue) has weight {@code r^-1.1}. Live shows are placed back to back on
 * channels from 06:00 to 24:00 and air every day at the same time.
 *
 * <p><b>Viewers.</b> Each viewer has 1 to 3 taste genres, an activity level (a mean number of free
 * sessions per day, log-normal around {@link Config#meanFreeSessionsPerDay()}) and 1 or 2 habitual
 * live shows, each watched live on 40% to 80% of days, within a few minutes of its airing time. A
 * show is picked from the viewer's taste genres by popularity, except with probability 0.15 from
 * the whole catalogue by popularity, which is the noise.
 *
 * <p><b>Sessions.</b> A habit session starts at the habitual show, sometimes after 1 to 4 minutes
 * of zapping, and continues with the next show on the same channel with probability 0.45 per show.
 * Free sessions start at a time drawn from an evening-heavy curve. 45% are series (VOD) sessions,
 * which continue an unfinished series with probability 0.7 and play the next episode back to back
 * with probability 0.75 (binge watching). 10% are a movie (VOD). 15% are a RECORDING of a live show
 * from the viewer's tastes or habits, watched later. The other 30% are live zapping that ends on
 * one CHANNEL show. Sessions of one viewer never overlap, and the events of one sitting share a
 * {@code playback_session_id}.
 *
 * <p><b>Watch minutes.</b> CHANNEL events last from 5 to 120 minutes, cut by the show's end, and
 * zapping events 1 to 4 minutes. VOD and RECORDING events last close to the episode or movie
 * length, are sometimes abandoned early, and about 5% are 1 to 4 minutes of zapping.
 *
 * <p>The sequential signal that a model can learn is series continuation, channel line-ups after
 * habitual shows, and taste. With the {@link Config#defaults() defaults} the data set has about 75
 * events per viewer, 1.5 million events in all. Generation streams one viewer at a time into {@link
 * PlaybackParquetWriter}, so memory does not grow with the number of viewers.
 */
public final class SyntheticPlaybackGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticPlaybackGenerator.class);

    private static final double NOISE = 0.15;
    private static final double CHANNEL_STAY = 0.45;
    private static final double SERIES_CONTINUE = 0.7;
    private static final double BINGE = 0.75;
    private static final int MAX_SESSION_EVENTS = 8;

    /**
     * Size and seed of a synthetic data set.
     *
     * @param viewers number of viewers, ids 1 to {@code viewers}
     * @param days number of days, written as day numbers "1" to {@code days}
     * @param shows number of shows in the catalogue, ids 1 to {@code shows}
     * @param genres number of genres
     * @param meanFreeSessionsPerDay mean number of sessions per viewer and day besides habits
     * @param seed seed of the random process; equal configurations give identical files
     */
    public record Config(
            int viewers,
            int days,
            int shows,
            int genres,
            double meanFreeSessionsPerDay,
            long seed) {

        /**
         * Validates the configuration.
         *
         * @throws IllegalArgumentException if a size is out of range
         */
        public Config {
            requireRange("viewers", viewers, 1, Integer.MAX_VALUE);
            requireRange("days", days, 1, 999);
            requireRange("shows", shows, 10, 1_000_000);
            requireRange("genres", genres, 1, 100);
            if (!(meanFreeSessionsPerDay > 0 && meanFreeSessionsPerDay <= 20)) {
                throw new IllegalArgumentException(
                        "meanFreeSessionsPerDay must be in (0, 20], found "
                                + meanFreeSessionsPerDay);
            }
        }

        private static void requireRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        name + " must be in [" + min + ", " + max + "], found " + value);
            }
        }

        /**
         * Returns the default size: 20,000 viewers, 30 days, 2,000 shows, 12 genres, 0.7 free
         * sessions per day and seed 42, which gives 1,628,416 events.
         */
        public static Config defaults() {
            return new Config(20_000, 30, 2_000, 12, 0.7, 42);
        }

        /** Returns the reference scale: 100,000 viewers, 30 days, 13,350 shows, 20 genres. */
        public static Config referenceScale() {
            return new Config(100_000, 30, 13_350, 20, 0.7, 42);
        }

        /** Returns a copy with another number of viewers. */
        public Config withViewers(int count) {
            return new Config(count, days, shows, genres, meanFreeSessionsPerDay, seed);
        }

        /** Returns a copy with another number of days. */
        public Config withDays(int count) {
            return new Config(viewers, count, shows, genres, meanFreeSessionsPerDay, seed);
        }

        /** Returns a copy with another number of shows. */
        public Config withShows(int count) {
            return new Config(viewers, days, count, genres, meanFreeSessionsPerDay, seed);
        }

        /** Returns a copy with another seed. */
        public Config withSeed(long newSeed) {
            return new Config(viewers, days, shows, genres, meanFreeSessionsPerDay, newSeed);
        }
    }

    /**
     * Counts of a generated data set.
     *
     * @param events events written
     * @param viewers viewers with at least one event
     * @param shows shows with at least one event
     * @param sessions playback sessions
     */
    public record Summary(long events, int viewers, int shows, int sessions) {}

    private SyntheticPlaybackGenerator() {}

    /**
     * Generates a data set and writes it to a Parquet file in the playback schema.
     *
     * @param target the file to create or replace
     * @param config size and seed
     * @return the counts of what was written
     * @throws IOException if writing fails
     */
    public static Summary write(Path target, Config config) throws IOException {
        long started = System.nanoTime();
        Catalogue catalogue =
                new Catalogue(config.shows(), config.genres(), new SplittableRandom(config.seed()));
        String[] dayNames = new String[config.days() + 1];
        for (int day = 1; day <= config.days(); day++) {
            dayNames[day] = PlaybackParquetWriter.dayNumber(day);
        }
        boolean[] showSeen = new boolean[config.shows() + 1];
        int activeViewers = 0;
        int[] sessionCounter = {0};
        try (PlaybackParquetWriter writer = PlaybackParquetWriter.open(target)) {
            ViewerSimulation.Sink sink =
                    (user, session, show, asset, episode, day, minute, minutes) -> {
                        writer.write(
                                user,
                                session,
                                show,
                                asset,
                                episode,
                                dayNames[day],
                                PlaybackParquetWriter.timeOfDay(minute),
                                minutes);
                        showSeen[show] = true;
                    };
            for (int user = 1; user <= config.viewers(); user++) {
                SplittableRandom random = new SplittableRandom(mix(config.seed(), user));
                long before = writer.rows();
                new ViewerSimulation(catalogue, config, user, random, sessionCounter, sink).run();
                if (writer.rows() > before) {
                    activeViewers++;
                }
            }
            int shows = 0;
            for (boolean seen : showSeen) {
                shows += seen ? 1 : 0;
            }
            Summary summary = new Summary(writer.rows(), activeViewers, shows, sessionCounter[0]);
            LOG.info(
                    "Generated {} events of {} viewers, {} shows and {} sessions in {} ms into {}",
                    summary.events(),
                    summary.viewers(),
                    summary.shows(),
                    summary.sessions(),
                    (System.nanoTime() - started) / 1_000_000,
                    target);
            return summary;
        }
    }

    /** Returns a per-viewer seed, so that each viewer's events do not depend on the others. */
    private static long mix(long seed, int user) {
        long z = seed + user * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Simulates one viewer's days and sends each event to a sink in time order. */
    static final class ViewerSimulation {

        /** Receives generated events. */
        interface Sink {
            void accept(
                    int user,
                    int session,
                    int show,
                    String asset,
                    int episode,
                    int day,
                    int minuteOfDay,
                    int watchMinutes)
                    throws IOException;
        }

        private static final int HABIT = 0;
        private static final int FREE = 1;

        private final Catalogue catalogue;
        private final Config config;
        private final int user;
        private final SplittableRandom random;
        private final int[] sessionCounter;
        private final Sink sink;
        private final int[] tastes;
        private final int[] habits;
        private final double[] habitChance;
        private final double freeSessionsPerDay;
        private final int[] nextEpisode;
        private int[] openSeries = new int[0];
        private int day;
        private int clock;
        private int session;
        private int sessionEvents;

        ViewerSimulation(
                Catalogue catalogue,
                Config config,
                int user,
                SplittableRandom random,
                int[] sessionCounter,
                Sink sink) {
            this.catalogue = catalogue;
            this.config = config;
            this.user = user;
            this.random = random;
            this.sessionCounter = sessionCounter;
            this.sink = sink;
            double tasteDraw = random.nextDouble();
            int tasteCount = 3;
            if (tasteDraw < 0.3) {
                tasteCount = 1;
            } else if (tasteDraw < 0.75) {
                tasteCount = 2;
            }
            tastes = new int[tasteCount];
            for (int i = 0; i < tastes.length; i++) {
                tastes[i] = random.nextInt(catalogue.genreCount);
            }
            habits = new int[1 + random.nextInt(2)];
            habitChance = new double[habits.length];
            for (int i = 0; i < habits.length; i++) {
                habits[i] = pick(Catalogue.LIVE);
                habitChance[i] = 0.3 + 0.4 * random.nextDouble();
            }
            double logNormal = Math.exp(0.6 * gaussian() - 0.18);
            freeSessionsPerDay = config.meanFreeSessionsPerDay() * logNormal;
            nextEpisode = new int[catalogue.showCount + 1];
        }

        void run() throws IOException {
            long[] plans = new long[16];
            for (day = 1; day <= config.days(); day++) {
                int planned = 0;
                for (int i = 0; i < habits.length; i++) {
                    if (random.nextDouble() < habitChance[i]) {
                        int start = catalogue.airTime[habits[i] - 1] - 3 + random.nextInt(9);
                        plans = grow(plans, planned);
                        plans[planned++] = plan(Math.max(0, start), HABIT, habits[i]);
                    }
                }
                int free = poisson(freeSessionsPerDay);
                for (int i = 0; i < free; i++) {
                    plans = grow(plans, planned);
                    plans[planned++] = plan(freeStartTime(), FREE, 0);
                }
                Arrays.sort(plans, 0, planned);
                int busyUntil = 0;
                for (int i = 0; i < planned; i++) {
                    int start = (int) (plans[i] >>> 40);
                    int kind = (int) ((plans[i] >>> 32) & 0xff);
                    int show = (int) plans[i];
                    if (start < busyUntil) {
                        continue;
                    }
                    clock = start;
                    session = 0;
                    sessionEvents = 0;
                    if (kind == HABIT) {
                        habitSession(show);
                    } else {
                        freeSession();
                    }
                    busyUntil = clock + 1;
                }
            }
        }

        private static long plan(int start, int kind, int show) {
            return ((long) start << 40) | ((long) kind << 32) | show;
        }

        private static long[] grow(long[] plans, int size) {
            return size < plans.length ? plans : Arrays.copyOf(plans, plans.length * 2);
        }

        private void habitSession(int show) throws IOException {
            if (random.nextDouble() < 0.15) {
                zap();
            }
            watchLiveAndStay(show);
        }

        private void freeSession() throws IOException {
            double draw = random.nextDouble();
            if (draw < 0.45) {
                seriesSession();
            } else if (draw < 0.55) {
                int movie = pick(Catalogue.MOVIE);
                emit(movie, EventLog.VOD, movie * 1000 + 1, vodMinutes(movie));
            } else if (draw < 0.70) {
                recordingSession();
            } else {
                liveSession();
            }
        }

        private void seriesSession() throws IOException {
            int show =
                    openSeries.length > 0 && random.nextDouble() < SERIES_CONTINUE
                            ? openSeries[random.nextInt(openSeries.length)]
                            : pick(Catalogue.SERIES);
            do {
                int episode = nextEpisode[show] + 1;
                nextEpisode[show] = episode;
                updateOpenSeries(show, episode < catalogue.episodes[show - 1]);
                if (!emit(show, EventLog.VOD, show * 1000 + episode, vodMinutes(show))) {
                    return;
                }
            } while (nextEpisode[show] < catalogue.episodes[show - 1]
                    && random.nextDouble() < BINGE);
        }

        private void recordingSession() throws IOException {
            int show =
                    random.nextDouble() < 0.5
                            ? habits[random.nextInt(habits.length)]
                            : pick(Catalogue.LIVE);
            int aired = catalogue.airTime[show - 1] < clock ? day : Math.max(1, day - 1);
            emit(show, EventLog.RECORDING, show * 1000 + aired, vodMinutes(show));
        }

        private void liveSession() throws IOException {
            int zaps = random.nextInt(3);
            for (int i = 0; i < zaps; i++) {
                if (!zap()) {
                    return;
                }
            }
            int best = 0;
            for (int i = 0; i < 5; i++) {
                int channelIndex = random.nextInt(catalogue.channelLineups.length);
                int show = catalogue.airingAt(channelIndex, clock);
                if (show != 0 && (best == 0 || score(show) > score(best))) {
                    best = show;
                }
            }
            if (best != 0) {
                watchLiveAndStay(best);
            }
        }

        private double score(int show) {
            double taste = contains(tastes, catalogue.genre[show - 1]) ? 5.0 : 1.0;
            return taste * catalogue.popularity[show - 1] * (0.5 + random.nextDouble());
        }

        /** Watches a live show, then the following shows on its channel while staying. */
        private void watchLiveAndStay(int show) throws IOException {
            while (show != 0) {
                int end = catalogue.airTime[show - 1] + catalogue.length[show - 1];
                int left = end - clock;
                if (left <= 0) {
                    return;
                }
                int minutes =
                        Math.min(
                                120, Math.max(5, (int) (left * (0.6 + 0.4 * random.nextDouble()))));
                if (!emit(show, EventLog.CHANNEL, show * 1000 + day, minutes)) {
                    return;
                }
                if (random.nextDouble() >= CHANNEL_STAY) {
                    return;
                }
                show = catalogue.nextOnChannel(show);
                if (show != 0) {
                    clock = Math.max(clock, catalogue.airTime[show - 1]);
                }
            }
        }

        /** Emits a 1 to 4 minute CHANNEL event on some live show airing now. */
        private boolean zap() throws IOException {
            int channelIndex = random.nextInt(catalogue.channelLineups.length);
            int show = catalogue.airingAt(channelIndex, clock);
            if (show == 0) {
                return true;
            }
            return emit(show, EventLog.CHANNEL, show * 1000 + day, 1 + random.nextInt(4));
        }

        private int vodMinutes(int show) {
            int length = catalogue.length[show - 1];
            double draw = random.nextDouble();
            if (draw < 0.05) {
                return 1 + random.nextInt(4);
            }
            if (draw < 0.25) {
                return Math.max(5, (int) (length * (0.3 + 0.6 * random.nextDouble())));
            }
            return Math.max(5, length - random.nextInt(4));
        }

        /**
         * Sends an event at the current clock and advances the clock past it and a short gap.
         *
         * @return false if the day is over or the session is long enough, so it should end
         */
        private boolean emit(int show, String asset, int episode, int minutes) throws IOException {
            if (clock >= EventLog.MINUTES_PER_DAY || sessionEvents >= MAX_SESSION_EVENTS) {
                return false;
            }
            if (session == 0) {
                session = ++sessionCounter[0];
            }
            sink.accept(user, session, show, asset, episode, day, clock, minutes);
            sessionEvents++;
            clock += minutes + random.nextInt(3);
            return clock < EventLog.MINUTES_PER_DAY;
        }

        /** Picks a show of a kind from the taste genres by popularity, or any one as noise. */
        private int pick(int kind) {
            Catalogue.WeightedSampler sampler = catalogue.byKind[kind];
            if (random.nextDouble() >= NOISE) {
                Catalogue.WeightedSampler inGenre =
                        catalogue.byKindAndGenre[kind][tastes[random.nextInt(tastes.length)]];
                if (inGenre != null) {
                    sampler = inGenre;
                }
            }
            return sampler.sample(random);
        }

        private void updateOpenSeries(int show, boolean open) {
            boolean present = contains(openSeries, show);
            if (open && !present) {
                openSeries = Arrays.copyOf(openSeries, openSeries.length + 1);
                openSeries[openSeries.length - 1] = show;
            } else if (!open && present) {
                openSeries = Arrays.stream(openSeries).filter(s -> s != show).toArray();
            }
        }

        /** Draws a session start minute: mostly evening, some afternoon and morning. */
        private int freeStartTime() {
            double draw = random.nextDouble();
            double minute;
            if (draw < 0.6) {
                minute = 20.5 * 60 + 90 * gaussian();
            } else if (draw < 0.85) {
                minute = 12 * 60 + random.nextInt(6 * 60);
            } else {
                minute = 6 * 60 + random.nextInt(4 * 60);
            }
            return (int) Math.max(0, Math.min(EventLog.MINUTES_PER_DAY - 1, minute));
        }

        private int poisson(double mean) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit) {
                product *= random.nextDouble();
                count++;
            }
            return count;
        }

        private double gaussian() {
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }

        private static boolean contains(int[] values, int value) {
            for (int v : values) {
                if (v == value) {
                    return true;
                }
            }
            return false;
        }
    }
}
