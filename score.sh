#!/usr/bin/env bash
# Writes every viewer's top k of a log to CSV and Parquet with a saved model, building the
# project first when its sources changed. Options: ./score.sh --help
# Example, after ./train.sh --output runs/my-model:
#   ./score.sh --model runs/my-model/model --input data/synthetic/playback.parquet \
#     --output runs/my-model/top10 --k 10 --exclude-watched
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bin-common.sh"

exec java -Xmx${RECSYS_HEAP:-4g} ${RECSYS_JAVA_OPTS:-} "${DJL_ARGS[@]}" "${CLASSPATH_ARGS[@]}" \
  dev.tvrecsys.examples.ScoreMain "$@"
