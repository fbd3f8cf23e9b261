# Shared by train.sh, score.sh, profile.sh and results.sh: builds the project when a source or
# pom is newer than the examples jar, and sets the classpath and JVM options every entry point
# needs.
# Relative paths given to the programs stay relative to the caller's working directory.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR="$ROOT/examples/target/examples-0.1.0-SNAPSHOT.jar"

if [[ ! -f "$JAR" || ! -d "$ROOT/examples/target/lib" ]] \
    || [[ -n "$(find "$ROOT" -path "$ROOT/runs" -prune -o -path "$ROOT/data" -prune -o \
        \( -name '*.java' -o -name 'pom.xml' \) -newer "$JAR" -print -quit)" ]]; then
  # Build output goes to standard error so that standard output carries only the program's.
  mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.check.skip=true install >&2
fi

# libtorch's OpenMP threads wait passively. Spinning threads slowed training several times over
# when other processes shared the cores. Set OMP_WAIT_POLICY to override.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
CLASSPATH_ARGS=(-cp "$JAR:$ROOT/examples/target/lib/*")
DJL_ARGS=(-Dai.djl.offline=true -DOPT_OUT_TRACKING=true)
