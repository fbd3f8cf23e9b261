#!/usr/bin/env bash
# Runs the JMH suite and the Python peers, then prints our numbers against the peers.
#
# Usage: bench/run.sh [DEVICES]   DEVICES is the JMH device parameter: cpu (default) or cpu,gpu.
# Results go to bench-results/ (JMH JSON, peer JSON, load averages); it takes about 10 minutes
# on 2 cores. Installs the Debian packages python3-torch, libopenblas0-openmp and python3-pandas
# when they are missing, which needs root.
set -euo pipefail

cd "$(dirname "$0")/.."
devices="${1:-cpu}"
results=bench-results
jar=recsys-bench/target/benchmarks.jar
python=/usr/bin/python3
mkdir -p "$results/data"

if ! "$python" -c 'import torch, pandas' 2>/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "python3-torch or python3-pandas is missing; run as root or install them" >&2
        exit 1
    fi
    apt-get update && apt-get install -y python3-torch libopenblas0-openmp python3-pandas
fi

# With active waiting, an OpenMP thread that loses its core stalls every parallel region of
# the other one; on a loaded 2-core machine that made one LSTM forward pass 10 times slower,
# in PyTorch and in DJL alike. Passive waiting applies to the JMH forks and the peers alike.
export OMP_WAIT_POLICY=PASSIVE
# Debian's python3-torch links the generic BLAS; the OpenMP build of OpenBLAS shares the
# OpenMP thread pool with PyTorch instead of starting threads of its own.
openblas_openmp=/usr/lib/x86_64-linux-gnu/openblas-openmp

load() {
    echo "$1 $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/load.txt"
}

: > "$results/load.txt"
mvn -B -q -o install -DskipTests
data_option="-Dtvrecsys.bench.data=$results/data"

load training-start
java -jar "$jar" TrainingStepBenchmark -p device="$devices" \
    -rf json -rff "$results/training.json"
load inference-start
java -jar "$jar" InferenceBenchmark -rf json -rff "$results/inference.json"
load preprocessing-start
java -jar "$jar" PreprocessingBenchmark -jvmArgsPrepend "$data_option" \
    -rf json -rff "$results/preprocessing.json"

load export-start
java "$data_option" -cp "$jar" dev.tvrecsys.bench.ExportEventsCsv \
    1000000 "$results/data/events-1000000.csv" | tail -n 1 > "$results/java_windows.json"
load torch-peer-start
LD_LIBRARY_PATH="$openblas_openmp" "$python" bench/peer/torch_peer.py > "$results/torch_peer.json"
load pandas-peer-start
"$python" bench/peer/pandas_windowing.py "$results/data/events-1000000.csv" \
    > "$results/pandas_windowing.json"
load end

"$python" bench/compare.py "$results"
