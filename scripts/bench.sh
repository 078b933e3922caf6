#!/usr/bin/env bash
# refguard's benchmark (README, "Performance"): generates three histories from a fixed seed, then prints
#   - cold: one analysis in a fresh JVM (median of 5), and the whole process (hyperfine);
#   - warm: JMH, one whole analysis per operation, as MB/s, statements/s and ms per file;
#   - the slowest file (warm parse) and the parallel speed-up (1 vs 2 parse threads);
#   - mvn: `mvn ...:check` against `mvn ...:help` on the Supabase-shaped history, alternated, median of 5;
#   - squawk side by side, when `squawk` is installed (npm install -g squawk-cli@2.66.0).
# Usage: scripts/bench.sh [--quick] [--no-mvn] [--no-jmh] [--no-cold] [--no-files]   (from the repository root; needs a JDK 17 and Maven)
# Every figure is printed with `uptime`: on a loaded machine they are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=0
MVN=1
JMH=1
COLD=1
FILES=1
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --no-mvn) MVN=0 ;;
    --no-jmh) JMH=0 ;;
    --no-cold) COLD=0 ;;
    --no-files) FILES=0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

OUT=target/bench
CORPUS="$PWD/$OUT/corpus"
mkdir -p "$OUT"
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }
load() { uptime | sed 's/.*load average: /load /'; }
val() { grep "^$1=" | head -1 | cut -d= -f2-; }

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; $(java -version 2>&1 | head -1)"
echo "$(load)"
if perf stat -e instructions true 2>&1 | grep -q 'not supported'; then
  echo "instruction counters: not available here (perf stat); wall-clock figures only, noisy under load"
  PERF=0
else
  PERF=1
fi

echo "== build"
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$OUT/cp.txt")"

echo "== corpus (seed fixed in dev.refguard.bench.Corpus)"
for kind in supabase prisma data; do
  if [ ! -d "$CORPUS/$kind" ]; then
    java -cp "$CP" dev.refguard.bench.Corpus "$kind" "$CORPUS/$kind"
  fi
done
declare -A BYTES
for kind in supabase prisma data; do
  BYTES[$kind]=$(find "$CORPUS/$kind" -name '*.sql' -printf '%s\n' | awk '{s+=$1} END {print s}')
done

RUNS=5
[ "$QUICK" = 1 ] && RUNS=3
echo "== cold: one analysis in a fresh JVM (median of $RUNS)"
declare -A STATEMENTS FILES
for kind in supabase prisma data; do
  if [ "$COLD" = 0 ]; then
    java -cp "$CP" dev.refguard.bench.Bench cold "$CORPUS/$kind" > "$OUT/cold-$kind-1.txt"
    STATEMENTS[$kind]=$(val statements < "$OUT/cold-$kind-1.txt")
    FILES[$kind]=$(val files < "$OUT/cold-$kind-1.txt")
    continue
  fi
  : > "$OUT/cold-$kind.txt"
  : > "$OUT/cpu-$kind.txt"
  for i in $(seq "$RUNS"); do
    java -cp "$CP" dev.refguard.bench.Bench cold "$CORPUS/$kind" > "$OUT/cold-$kind-$i.txt"
    val cold_ms < "$OUT/cold-$kind-$i.txt" >> "$OUT/cold-$kind.txt"
    val process_cpu_ms < "$OUT/cold-$kind-$i.txt" >> "$OUT/cpu-$kind.txt"
  done
  STATEMENTS[$kind]=$(val statements < "$OUT/cold-$kind-1.txt")
  FILES[$kind]=$(val files < "$OUT/cold-$kind-1.txt")
  printf '%-9s %4d files %9d bytes %6d statements  cold analysis %7s ms, process CPU %6s ms  (%s)\n' "$kind" \
    "${FILES[$kind]}" "${BYTES[$kind]}" "${STATEMENTS[$kind]}" "$(median < "$OUT/cold-$kind.txt")" \
    "$(median < "$OUT/cpu-$kind.txt")" "$(load)"
done
if [ "$PERF" = 1 ] && [ "$COLD" = 1 ]; then
  perf stat -e instructions -x, -o "$OUT/perf-cold.txt" java -cp "$CP" dev.refguard.bench.Bench cold "$CORPUS/supabase" >/dev/null
  echo "supabase cold instructions (whole JVM): $(grep instructions "$OUT/perf-cold.txt" | cut -d, -f1)"
fi

if [ "$COLD" = 1 ] && command -v hyperfine >/dev/null; then
  echo "== whole process, Supabase-shaped (hyperfine, $RUNS runs)"
  CMDS=(-n refguard "java -cp $CP dev.refguard.bench.Bench cold $CORPUS/supabase")
  if command -v squawk >/dev/null; then
    CMDS+=(-n "squawk $(squawk --version | awk '{print $2}')" "squawk $CORPUS/supabase/supabase/migrations/*.sql")
  else
    echo "(squawk not installed: npm install -g squawk-cli@2.66.0)"
  fi
  hyperfine -N -i -w 1 -r "$RUNS" --export-json "$OUT/process.json" "${CMDS[@]}" 2>/dev/null \
    | grep -E 'Benchmark|Time \(mean|Range' || true
  echo "($(load))"
fi

if [ "$JMH" = 1 ]; then
  echo "== warm: JMH (one analysis per op)"
  JMH_ARGS=(-rf csv -rff "$OUT/jmh.csv" -jvmArgsAppend "-Drefguard.bench.corpus=$CORPUS")
  [ "$QUICK" = 1 ] && JMH_ARGS+=(-wi 2 -w 2 -i 3 -r 2)
  java -cp "$CP" org.openjdk.jmh.Main dev.refguard.bench.AnalysisBenchmark "${JMH_ARGS[@]}" > "$OUT/jmh.log" 2>&1
  for kind in supabase prisma data; do
    ms=$(tr -d "\r" < "$OUT/jmh.csv" | grep ",$kind\$" | cut -d, -f5)
    err=$(tr -d "\r" < "$OUT/jmh.csv" | grep ",$kind\$" | cut -d, -f6)
    awk -v k="$kind" -v ms="$ms" -v err="$err" -v b="${BYTES[$kind]}" -v s="${STATEMENTS[$kind]}" -v f="${FILES[$kind]}" \
      'BEGIN {printf "%-9s warm %8.1f ms (±%.1f)  %7.1f MB/s  %9.0f statements/s  %6.3f ms/file\n", k, ms, err, b/1e6/(ms/1000), s/(ms/1000), ms/f}'
  done
  echo "($(load))"
fi

if [ "$FILES" = 1 ]; then
echo "== warm parse per file, Supabase-shaped (best of 5 after warm-up)"
java -cp "$CP" dev.refguard.bench.Bench files "$CORPUS/supabase" | sed 's/^/supabase /'
java -cp "$CP" dev.refguard.bench.Bench files "$CORPUS/data" | sed 's/^/data /'
echo "== parallel parse, Supabase-shaped (1 and 2 threads in turns, median of 9 after warm-up)"
java -cp "$CP" dev.refguard.bench.Bench threads "$CORPUS/supabase"
echo "($(load))"
fi

if [ "$MVN" = 1 ]; then
  PLUGIN=dev.refguard:refguard-maven-plugin:0.0.0-bench
  echo "== mvn check vs mvn help, Supabase-shaped (alternated, median of $RUNS)"
  # the plugin under a version of its own in the local repository, so no other build's snapshot is replaced
  mvn -B -o -q package -DskipTests -Dinvoker.skip=true -Dspotless.check.skip=true
  sed 's|<version>0.1.0-SNAPSHOT</version>|<version>0.0.0-bench</version>|' pom.xml > "$OUT/pom-bench.xml"
  # Maven checks the version in the plugin descriptor against the artifact's
  rm -rf "$OUT/plugin" && mkdir -p "$OUT/plugin"
  cp target/refguard-maven-plugin-0.1.0-SNAPSHOT.jar "$OUT/plugin/plugin.jar"
  (cd "$OUT/plugin" && jar xf plugin.jar META-INF/maven/plugin.xml \
    && sed -i '0,/<version>0.1.0-SNAPSHOT<\/version>/s//<version>0.0.0-bench<\/version>/' META-INF/maven/plugin.xml \
    && jar uf plugin.jar META-INF/maven/plugin.xml)
  mvn -B -o -q install:install-file -Dfile="$OUT/plugin/plugin.jar" -DpomFile="$OUT/pom-bench.xml" >/dev/null
  (cd "$CORPUS/supabase" && mvn -B -o "$PLUGIN:check" 2>&1 | grep -E 'refguard|BUILD|ERROR' | head -5) || true
  : > "$OUT/mvn-help.txt"
  : > "$OUT/mvn-check.txt"
  for i in $(seq "$RUNS"); do
    for goal in help check; do
      start=$(date +%s%N)
      (cd "$CORPUS/supabase" && mvn -B -o -q "$PLUGIN:$goal" >/dev/null 2>&1) || true
      echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$OUT/mvn-$goal.txt"
    done
  done
  help=$(median < "$OUT/mvn-help.txt")
  check=$(median < "$OUT/mvn-check.txt")
  echo "mvn help ${help} ms, mvn check ${check} ms: refguard adds $((check - help)) ms  ($(load))"
fi
