#!/usr/bin/env bash
# Profiles a log into a report folder (profile.md, profile.json, PNG charts), building the
# project first when its sources changed. Options: ./profile.sh --help
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bin-common.sh"

exec java -Xmx${RECSYS_HEAP:-2g} -Djava.awt.headless=true "${DJL_ARGS[@]}" "${CLASSPATH_ARGS[@]}" \
  dev.tvrecsys.examples.ProfileMain "$@"
