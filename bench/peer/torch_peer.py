"""PyTorch peer of the JMH training and inference benchmarks.

Builds the reference next-show model the way recsys-model's NextShowBlock does (show embedding
13,352 x 32, asset-type embedding 5 x 32, log1p of the watch minutes as one feature, one LSTM
layer 65 -> 128 with batch_first, dropout 0.2, linear 128 -> 13,352) and measures, on random
seeded batches and the CPU:

* training samples/s: forward, softmax cross-entropy, backward and an Adam step (lr 1e-3);
* inference samples/s at batch 512: forward in eval mode and the top 10 indices per row;
* batch-1 latency p50 and p99 of the same inference path.

Prints one JSON object to stdout. Reads no files and downloads nothing.
"""

import argparse
import json
import time

import numpy as np
import torch
from torch import nn

SHOWS = 13_350 + 2  # padding and unknown, as in IdVocabulary
ASSETS = 3 + 2  # CHANNEL, RECORDING, VOD plus padding and unknown
WINDOW = 20
TOP_K = 10


class NextShowNet(nn.Module):
    """Embeddings of show and asset type, log1p minutes, LSTM, dropout and a linear layer."""

    def __init__(self):
        super().__init__()
        self.show_embedding = nn.Embedding(SHOWS, 32)
        self.asset_embedding = nn.Embedding(ASSETS, 32)
        self.lstm = nn.LSTM(65, 128, batch_first=True)
        self.dropout = nn.Dropout(0.2)
        self.output = nn.Linear(128, SHOWS)

    def forward(self, shows, assets, minutes):
        steps = torch.cat(
            [
                self.show_embedding(shows),
                self.asset_embedding(assets),
                torch.log1p(minutes).unsqueeze(2),
            ],
            dim=2,
        )
        sequence, _ = self.lstm(steps)
        return self.output(self.dropout(sequence[:, -1, :]))


def random_batch(size, generator):
    shows = torch.randint(2, SHOWS, (size, WINDOW), generator=generator)
    assets = torch.randint(2, ASSETS, (size, WINDOW), generator=generator)
    minutes = torch.randint(0, 120, (size, WINDOW), generator=generator).float()
    targets = torch.randint(2, SHOWS, (size,), generator=generator)
    return shows, assets, minutes, targets


def timed_loop(step, seconds, warmup_seconds):
    """Runs step() for warmup_seconds, then for seconds; returns calls per second."""
    end = time.perf_counter() + warmup_seconds
    while time.perf_counter() < end:
        step()
    calls = 0
    start = time.perf_counter()
    while True:
        step()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return calls / elapsed


def training_rate(batch_size, seconds, warmup_seconds):
    """Returns training samples per second at batch_size."""
    torch.manual_seed(42)
    model = NextShowNet()
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_function = nn.CrossEntropyLoss()
    shows, assets, minutes, targets = random_batch(batch_size, torch.Generator().manual_seed(42))

    def step():
        optimizer.zero_grad()
        loss = loss_function(model(shows, assets, minutes), targets)
        loss.backward()
        optimizer.step()
        return loss.item()

    return timed_loop(step, seconds, warmup_seconds) * batch_size


def inference_model():
    torch.manual_seed(42)
    model = NextShowNet()
    model.eval()
    return model


def inference_rate(model, batch_size, seconds, warmup_seconds):
    """Returns inference samples per second: forward and top 10 indices, copied to numpy."""
    shows, assets, minutes, _ = random_batch(batch_size, torch.Generator().manual_seed(42))

    def step():
        with torch.inference_mode():
            logits = model(shows, assets, minutes)
            return torch.topk(logits, TOP_K, dim=1).indices.numpy()

    return timed_loop(step, seconds, warmup_seconds) * batch_size


def single_latency(model, calls, warmup_calls):
    """Returns the p50 and p99 latency in microseconds of the batch-1 inference path."""
    shows, assets, minutes, _ = random_batch(1, torch.Generator().manual_seed(43))
    samples = []
    for i in range(warmup_calls + calls):
        start = time.perf_counter_ns()
        with torch.inference_mode():
            logits = model(shows, assets, minutes)
            torch.topk(logits, TOP_K, dim=1).indices.numpy()
        if i >= warmup_calls:
            samples.append((time.perf_counter_ns() - start) / 1000.0)
    return float(np.percentile(samples, 50)), float(np.percentile(samples, 99))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="intra-op threads (default 2)")
    parser.add_argument(
        "--seconds", type=float, default=10.0, help="measured seconds per case (default 10)"
    )
    parser.add_argument(
        "--warmup-seconds", type=float, default=3.0, help="warm-up seconds per case (default 3)"
    )
    parser.add_argument(
        "--batch-sizes",
        default="128,512,2048",
        help="comma-separated training batch sizes (default 128,512,2048)",
    )
    parser.add_argument(
        "--latency-calls", type=int, default=2000, help="measured batch-1 calls (default 2000)"
    )
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    result = {
        "torch_version": torch.__version__,
        "intra_op_threads": torch.get_num_threads(),
        "inter_op_threads": torch.get_num_interop_threads(),
        "training_samples_per_second": {},
    }
    for batch_size in [int(size) for size in args.batch_sizes.split(",")]:
        rate = training_rate(batch_size, args.seconds, args.warmup_seconds)
        result["training_samples_per_second"][str(batch_size)] = rate
    model = inference_model()
    result["inference_samples_per_second_512"] = inference_rate(
        model, 512, args.seconds, args.warmup_seconds
    )
    p50, p99 = single_latency(model, args.latency_calls, args.latency_calls // 10)
    result["single_window_latency_us"] = {"p50": p50, "p99": p99}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
