#!/bin/bash
# Kill-and-resume check: an uninterrupted run and a run killed with SIGKILL during epoch 2 and
# resumed must end with the same test metrics.
set -u
T="$(cd "$(dirname "$0")/.." && pwd)/train.sh"
ARGS="--viewers 4000 --epochs 3 --batch-size 32"
WORK=${1:-bench-results/kill-resume}
mkdir -p "$WORK" && cd "$WORK" && rm -rf full killed
$T $ARGS --output full > full.out 2>&1
$T $ARGS --output killed > killed.out 2>&1 &
PID=$!
while [ ! -f killed/checkpoints/epoch-1/training-state.json ]; do sleep 0.2; done
sleep 2
JPID=$(pgrep -f "TrainMain $ARGS --output killed" | head -1)
kill -9 $JPID; echo "killed java $JPID during: $(grep -a 'epoch 2' killed/train.log | tail -1)"
wait $PID 2>/dev/null
ls killed/checkpoints
$T $ARGS --output killed --resume > resumed.out 2>&1
python3 - <<'PY'
import json
def load(p):
    m=json.load(open(p)); m.pop("timings"); m.pop("environment")
    for e in m["history"]["epochs"]: e.pop("seconds"); e.pop("samples_per_second")
    m["data"].pop("source"); return m
a=load("full/metrics.json"); b=load("killed/metrics.json")
print("identical metrics.json (timings, paths aside):", a==b)
print("full lstm recall@10", a["test_metrics"]["lstm"]["recall"]["10"], "resumed", b["test_metrics"]["lstm"]["recall"]["10"])
PY
