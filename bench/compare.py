"""Prints the JMH results in bench-results/ next to the Python peers' results, with ratios.

Usage: python3 bench/compare.py bench-results
"""

import json
import pathlib
import sys


def jmh(path):
    """Returns {(benchmark method, params tuple): primary metric dict} of a JMH JSON file."""
    if not path.exists():
        return {}
    results = {}
    for entry in json.loads(path.read_text()):
        method = entry["benchmark"].rsplit(".", 1)[1]
        params = tuple(sorted(entry.get("params", {}).items()))
        results[(method, params)] = entry["primaryMetric"]
    return results


def find(results, method, **params):
    for (name, keys), metric in results.items():
        if name == method and all(dict(keys).get(k) == v for k, v in params.items()):
            return metric
    return None


def row(name, ours, peer, unit, higher_is_better=True):
    if ours is None or peer is None:
        ratio = "n/a"
    elif higher_is_better:
        ratio = f"{ours / peer:.2f}x"
    else:
        ratio = f"{peer / ours:.2f}x"
    ours_text = "n/a" if ours is None else f"{ours:,.1f}"
    peer_text = "n/a" if peer is None else f"{peer:,.1f}"
    print(f"| {name} | {ours_text} | {peer_text} | {unit} | {ratio} |")


def main():
    results = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "bench-results")
    training = jmh(results / "training.json")
    inference = jmh(results / "inference.json")
    preprocessing = jmh(results / "preprocessing.json")
    torch_peer = json.loads((results / "torch_peer.json").read_text())
    pandas_peer = json.loads((results / "pandas_windowing.json").read_text())

    print("| case | ours | peer | unit | ours / peer (>1 is better for ours) |")
    print("|---|---|---|---|---|")
    for batch in ("128", "512", "2048"):
        metric = find(training, "trainingStep", batchSize=batch, device="cpu")
        ours = None if metric is None else metric["score"] * int(batch)
        peer = torch_peer["training_samples_per_second"].get(batch)
        row(f"training, batch {batch}", ours, peer, "samples/s")

    metric = find(inference, "batchThroughput")
    ours = None if metric is None else metric["score"] * 512
    row("inference, batch 512", ours, torch_peer["inference_samples_per_second_512"], "samples/s")
    metric = find(inference, "singleWindowLatency")
    for percentile in ("50", "99"):
        key = "50.0" if percentile == "50" else "99.0"
        ours = None if metric is None else metric["scorePercentiles"][key]
        peer = torch_peer["single_window_latency_us"]["p" + percentile]
        row(f"batch-1 latency p{percentile}", ours, peer, "us", higher_is_better=False)

    metric = find(preprocessing, "windows", events="1000000")
    ours = None if metric is None else 1_000_000 / metric["score"]
    row("windowing, 1 M events", ours, pandas_peer["events_per_second"], "events/s")
    for events in ("1000000", "5000000"):
        for method in ("windows", "readParquet", "parquetToWindows"):
            metric = find(preprocessing, method, events=events)
            if metric is not None:
                print(f"| {method}, {int(events):,} events | {metric['score']:.3f} | | s/op | |")


if __name__ == "__main__":
    main()
