#!/usr/bin/env bash
# Builds the project (incrementally) and scores every viewer of a log with a saved model, writing
# each viewer's top k to PREFIX.csv and PREFIX.parquet. Options: ./score.sh --help
# Example, after ./train.sh --output runs/my-model:
#   ./score.sh --model runs/my-model/model --input data/synthetic/playback.parquet \
#     --output runs/my-model/top10 --k 10 --exclude-watched
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q -DskipTests -Dspotless.check.skip=true install

# libtorch's OpenMP threads wait passively, which keeps them from slowing each other (and
# other processes) several times over on a shared machine; set OMP_WAIT_POLICY to override.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

exec java -Xmx${RECSYS_HEAP:-4g} -Dai.djl.offline=true -DOPT_OUT_TRACKING=true \
  -cp "examples/target/examples-0.1.0-SNAPSHOT.jar:examples/target/lib/*" \
  dev.tvrecsys.examples.ScoreMain "$@"
