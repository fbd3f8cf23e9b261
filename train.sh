#!/usr/bin/env bash
# Runs the main job, building the project first when its sources changed. With no arguments
# it generates the default synthetic playback log under data/synthetic/ (relative to the
# working directory), trains the LSTM and evaluates it beside the baselines, writing everything
# under runs/. Options: ./train.sh --help
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bin-common.sh"

exec java -Xmx${RECSYS_HEAP:-4g} ${RECSYS_JAVA_OPTS:-} "${DJL_ARGS[@]}" "${CLASSPATH_ARGS[@]}" \
  dev.tvrecsys.examples.TrainMain "$@"
