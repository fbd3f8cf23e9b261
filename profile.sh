#!/usr/bin/env bash
# Builds the project (incrementally) and writes a data profile: with no arguments it profiles the
# default synthetic playback log under data/synthetic/ (generating it if missing) and writes
# profile.md, profile.json and PNG charts to runs/profile-playback/. Options: ./profile.sh --help
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q -DskipTests -Dspotless.check.skip=true install

# libtorch's OpenMP threads wait passively, which keeps them from slowing each other (and
# other processes) several times over on a shared machine; set OMP_WAIT_POLICY to override.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

exec java -Xmx${RECSYS_HEAP:-2g} -Djava.awt.headless=true -Dai.djl.offline=true \
  -DOPT_OUT_TRACKING=true \
  -cp "examples/target/examples-0.1.0-SNAPSHOT.jar:examples/target/lib/*" \
  dev.tvrecsys.examples.ProfileMain "$@"
