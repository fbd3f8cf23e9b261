#!/usr/bin/env bash
# Evaluates every model (the baselines, the reference LSTM and the tuned LSTM) on every data set
# (the synthetic default log, and MovieLens-100K and -1M from ../shared/data when present) under
# every protocol, writing results.md, results.csv, results.json, segments.json, histories.json
# and charts/ to runs/results/. Extra options are passed on (see ResultsMain); RECSYS_JAVA_OPTS adds
# JVM options such as -Dai.djl.pytorch.num_threads=1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bin-common.sh"

exec java -Xmx${RECSYS_HEAP:-8g} ${RECSYS_JAVA_OPTS:-} -Djava.awt.headless=true "${DJL_ARGS[@]}" "${CLASSPATH_ARGS[@]}" \
  dev.tvrecsys.examples.ResultsMain --output runs/results "$@"
