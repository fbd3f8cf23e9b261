"""Reference-style pandas preprocessing, the peer of PreprocessingBenchmark.windows.

Reads a playback log exported as CSV by dev.tvrecsys.bench.ExportEventsCsv. Then it times a
per-viewer loop: group by user, sort each viewer's events by day, minute of day and session id
(stable, as ViewerHistories orders them), and walk back from the newest event in steps of 21,
collecting windows of 20 events with left padding (the newest segment is reserved for inference,
as in Windowing.reference()). Show ids map to vocabulary indices through a dict built before the
timed part, as the Java side fits its vocabulary in the benchmark setup.

Prints one JSON object: events, samples, seconds and events per second.
"""

import argparse
import json
import time

import pandas as pd

WINDOW = 20
STRIDE = WINDOW + 1
PADDING = 0
UNKNOWN = 1
ASSET_INDEX = {"CHANNEL": 2, "RECORDING": 3, "VOD": 4}


def build_windows(frame, show_index):
    """Returns the (shows, assets, minutes, targets) lists of every viewer's samples."""
    shows_out, assets_out, minutes_out, targets = [], [], [], []
    for _, events in frame.groupby("user_id", sort=True):
        events = events.sort_values(["day", "minute_of_day", "session_id"], kind="stable")
        shows = [show_index.get(show, UNKNOWN) for show in events["show_id"]]
        assets = [ASSET_INDEX.get(asset, UNKNOWN) for asset in events["asset_type"]]
        minutes = events["watch_minutes"].astype(float).tolist()
        target = len(shows) - 1 - STRIDE
        while target >= 1:
            start = max(0, target - WINDOW)
            padding = WINDOW - (target - start)
            shows_out.append([PADDING] * padding + shows[start:target])
            assets_out.append([PADDING] * padding + assets[start:target])
            minutes_out.append([0.0] * padding + minutes[start:target])
            targets.append(shows[target])
            target -= STRIDE
    return shows_out, assets_out, minutes_out, targets


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", help="CSV written by dev.tvrecsys.bench.ExportEventsCsv")
    args = parser.parse_args()

    frame = pd.read_csv(args.csv)
    show_index = {show: i + 2 for i, show in enumerate(sorted(frame["show_id"].unique()))}

    start = time.perf_counter()
    _, _, _, targets = build_windows(frame, show_index)
    seconds = time.perf_counter() - start

    result = {
        "pandas_version": pd.__version__,
        "events": len(frame),
        "samples": len(targets),
        "seconds": seconds,
        "events_per_second": len(frame) / seconds,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
