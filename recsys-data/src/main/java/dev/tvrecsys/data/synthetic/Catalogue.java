package dev.tvrecsys.data.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shows of a synthetic data set: kind, genre, popularity, length, and for live shows the
 * channel and daily airing time.
 */
final class Catalogue {

    static final int LIVE = 0;
    static final int SERIES = 1;
    static final int MOVIE = 2;

    /** Zipf exponent of show popularity over popularity ranks. */
    static final double ZIPF_EXPONENT = 1.1;

    private static final int SCHEDULE_START = 6 * 60;
    private static final int SCHEDULE_END = 24 * 60;
    private static final int[] LIVE_LENGTHS = {30, 30, 30, 60, 60, 90, 120};
    private static final int[] EPISODE_LENGTHS = {22, 30, 45, 60};

    final int showCount;
    final int genreCount;

    /** Indexed by show id - 1. */
    final int[] kind;

    final int[] genre;
    final double[] popularity;
    final int[] length;
    final int[] episodes;
    final int[] channel;
    final int[] airTime;

    /** Live show ids of each channel in airing order. */
    final int[][] channelLineups;

    /** Samplers of shows by kind, and by kind and genre. */
    final WeightedSampler[] byKind = new WeightedSampler[3];

    final WeightedSampler[][] byKindAndGenre;
    final WeightedSampler anyShow;

    Catalogue(int showCount, int genreCount, SplittableRandom random) {
        this.showCount = showCount;
        this.genreCount = genreCount;
        kind = new int[showCount];
        genre = new int[showCount];
        popularity = new double[showCount];
        length = new int[showCount];
        episodes = new int[showCount];
        channel = new int[showCount];
        airTime = new int[showCount];

        int[] ranks = shuffledRange(showCount, random);
        for (int i = 0; i < showCount; i++) {
            double draw = random.nextDouble();
            if (draw < 0.35) {
                kind[i] = LIVE;
            } else if (draw < 0.80) {
                kind[i] = SERIES;
            } else {
                kind[i] = MOVIE;
            }
            genre[i] = random.nextInt(genreCount);
            popularity[i] = 1.0 / Math.pow(ranks[i] + 1, ZIPF_EXPONENT);
            switch (kind[i]) {
                case LIVE:
                    length[i] = LIVE_LENGTHS[random.nextInt(LIVE_LENGTHS.length)];
                    episodes[i] = 1;
                    break;
                case SERIES:
                    length[i] = EPISODE_LENGTHS[random.nextInt(EPISODE_LENGTHS.length)];
                    episodes[i] = 6 + random.nextInt(21);
                    break;
                default:
                    length[i] = 80 + random.nextInt(71);
                    episodes[i] = 1;
                    break;
            }
        }
        channelLineups = schedule(random);

        byKindAndGenre = new WeightedSampler[3][genreCount];
        for (int k = 0; k < 3; k++) {
            byKind[k] = sampler(k, -1);
            for (int g = 0; g < genreCount; g++) {
                byKindAndGenre[k][g] = sampler(k, g);
            }
        }
        anyShow = sampler(-1, -1);
    }

    /** Places the live shows, in random order, back to back on channels from 06:00 to 24:00. */
    private int[][] schedule(SplittableRandom random) {
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < showCount; i++) {
            if (kind[i] == LIVE) {
                live.add(i + 1);
            }
        }
        int[] order = shuffledRange(live.size(), random);
        List<int[]> lineups = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int clock = SCHEDULE_START;
        for (int position : order) {
            int show = live.get(position);
            if (clock + length[show - 1] > SCHEDULE_END) {
                lineups.add(current.stream().mapToInt(Integer::intValue).toArray());
                current = new ArrayList<>();
                clock = SCHEDULE_START;
            }
            channel[show - 1] = lineups.size();
            airTime[show - 1] = clock;
            current.add(show);
            clock += length[show - 1];
        }
        if (!current.isEmpty()) {
            lineups.add(current.stream().mapToInt(Integer::intValue).toArray());
        }
        return lineups.toArray(new int[0][]);
    }

    private WeightedSampler sampler(int requestedKind, int requestedGenre) {
        int[] ids = new int[showCount];
        double[] weights = new double[showCount];
        int count = 0;
        for (int i = 0; i < showCount; i++) {
            if ((requestedKind < 0 || kind[i] == requestedKind)
                    && (requestedGenre < 0 || genre[i] == requestedGenre)) {
                ids[count] = i + 1;
                weights[count] = popularity[i];
                count++;
            }
        }
        return count == 0
                ? null
                : new WeightedSampler(Arrays.copyOf(ids, count), Arrays.copyOf(weights, count));
    }

    /** Returns the live show after {@code show} on its channel, or 0 if it is the last. */
    int nextOnChannel(int show) {
        int[] lineup = channelLineups[channel[show - 1]];
        for (int i = 0; i < lineup.length - 1; i++) {
            if (lineup[i] == show) {
                return lineup[i + 1];
            }
        }
        return 0;
    }

    /** Returns the live show airing on a channel at a minute of the day, or 0 if none. */
    int airingAt(int channelIndex, int minuteOfDay) {
        for (int show : channelLineups[channelIndex]) {
            int start = airTime[show - 1];
            if (minuteOfDay >= start && minuteOfDay < start + length[show - 1]) {
                return show;
            }
        }
        return 0;
    }

    private static int[] shuffledRange(int size, SplittableRandom random) {
        int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }

    /** Draws ids with probability proportional to their weight, by binary search. */
    static final class WeightedSampler {
        private final int[] ids;
        private final double[] cumulative;

        WeightedSampler(int[] ids, double[] weights) {
            this.ids = ids;
            this.cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        int sample(SplittableRandom random) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int index = Arrays.binarySearch(cumulative, target);
            if (index < 0) {
                index = -index - 1;
            }
            return ids[Math.min(index, ids.length - 1)];
        }
    }
}
