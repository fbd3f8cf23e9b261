#!/usr/bin/env bash
# Soak test of the main job: trains 5 epochs on the reference-scale synthetic log (100,000
# viewers, 30 days, 13,350 shows) with a 2 GiB heap. It then prints a table of each epoch's heap
# in use and resident set size, taken from the "Epoch N/5: ..., heap X MiB, resident Y MiB" lines.
#
# Usage: bench/soak.sh [WORK_DIR]   WORK_DIR defaults to bench-results/soak. The log is generated
# once into WORK_DIR and reused; each run writes WORK_DIR/run-<UTC time>/ and its console log.
# Builds the project first when a source is newer than the examples jar (see bin-common.sh).
set -euo pipefail

cd "$(dirname "$0")/.."
source bin-common.sh

work="${1:-bench-results/soak}"
mkdir -p "$work"
input="$work/reference-playback.parquet"

if [[ ! -f "$input" ]]; then
    # SyntheticPlaybackGenerator has no command line, so a single-file Java program calls it.
    generator="$work/GenerateReferenceLog.java"
    cat > "$generator" <<'JAVA'
import dev.tvrecsys.data.synthetic.SyntheticPlaybackGenerator;
import java.nio.file.Path;

public class GenerateReferenceLog {
    public static void main(String[] args) throws Exception {
        System.out.println(
                SyntheticPlaybackGenerator.write(
                        Path.of(args[0]), SyntheticPlaybackGenerator.Config.referenceScale()));
    }
}
JAVA
    echo "Generating $input"
    java -Xmx4g "${CLASSPATH_ARGS[@]}" "$generator" "$input.partial"
    mv "$input.partial" "$input"
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
log="$work/soak-$stamp.log"
echo "start $(date -u '+%Y-%m-%d %H:%M UTC'), $(uptime)" | tee "$log"
java -Xmx2g "${DJL_ARGS[@]}" "${CLASSPATH_ARGS[@]}" dev.tvrecsys.examples.TrainMain \
    --input "$input" --output "$work/run-$stamp" --epochs 5 2>&1 | tee -a "$log"
echo "end $(date -u '+%Y-%m-%d %H:%M UTC'), $(uptime)" | tee -a "$log"

echo
echo "| epoch | heap MiB | resident MiB |"
echo "|---:|---:|---:|"
sed -n -E 's#.*Epoch ([0-9]+)/5: .*heap ([0-9]+) MiB, resident ([0-9]+) MiB.*#| \1 | \2 | \3 |#p' "$log"
