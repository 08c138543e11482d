#!/usr/bin/env bash
# Fuzzes every Jazzer fuzz test of every module, one target at a time (Jazzer fuzzes one
# @FuzzTest per JVM), each for a bounded time, and prints the executions per target.
#
#   scripts/fuzz.sh [DURATION] [FILTER]
#
# DURATION: per target, libFuzzer seconds or with a unit (90, 30s, 5m, 1h); default 5m.
# FILTER:   only targets whose Class#method contains it (e.g. PolicyParser).
# Targets are found by name: every *FuzzTest.java under <module>/src/test/java, every method
# annotated @FuzzTest in it. Each runs through Maven's fuzz profile (JAZZER_FUZZ=1); an input
# that runs longer than FUZZ_INPUT_TIMEOUT seconds (default 10) counts as a hang. A crash or hang
# fails the target: Jazzer writes the input to the target's <Class>Inputs/<method>/ test resources
# (commit it: mvn verify replays it) and the script exits 1 at the end. Logs: target/fuzz/.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
duration="${1:-5m}"
filter="${2:-}"
input_timeout="${FUZZ_INPUT_TIMEOUT:-10}"

seconds() {
  case "$1" in
    *h) echo $(( ${1%h} * 3600 )) ;;
    *m) echo $(( ${1%m} * 60 )) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}
max_total_time="$(seconds "$duration")"
if ! [[ "$max_total_time" =~ ^[0-9]+$ ]] || [ "$max_total_time" -le 0 ]; then
  echo "fuzz.sh: DURATION must be a positive number of seconds, or end in s, m or h (got '$duration')" >&2
  exit 2
fi

cd "$root" || exit 2
logs="$root/target/fuzz"
mkdir -p "$logs"

# module<TAB>fully.qualified.Class<TAB>method for every @FuzzTest method.
targets=()
while IFS= read -r file; do
  module="${file%%/src/test/java/*}"
  class="${file#*/src/test/java/}"
  class="${class%.java}"
  class="${class//\//.}"
  while IFS= read -r method; do
    targets+=("$module"$'\t'"$class"$'\t'"$method")
  done < <(awk '/@FuzzTest/ {armed=1; next}
                armed && match($0, /void[ \t]+[A-Za-z0-9_]+[ \t]*\(/) {
                  m = substr($0, RSTART, RLENGTH); sub(/^void[ \t]+/, "", m); sub(/[ \t]*\($/, "", m); print m; armed=0 }' "$file")
done < <(find . -path ./target -prune -o -path '*/src/test/java/*' -name '*FuzzTest.java' -print | sed 's|^\./||' | sort)

if [ "${#targets[@]}" -eq 0 ]; then
  echo "fuzz.sh: no *FuzzTest classes with @FuzzTest methods found" >&2
  exit 2
fi

failed=0
summary=()
for t in "${targets[@]}"; do
  IFS=$'\t' read -r module class method <<< "$t"
  name="${class##*.}#$method"
  if [ -n "$filter" ] && [[ "$name" != *"$filter"* ]]; then
    continue
  fi
  log="$logs/${class##*.}-$method.log"
  echo "fuzz.sh: $module $name for ${max_total_time}s (log: ${log#"$root"/})" >&2
  start=$(date +%s)
  # Maven user properties reach the forked test JVM as system properties, which JUnit reads as
  # configuration parameters: jazzer.internal.arg.N are libFuzzer's arguments (0 is argv[0]);
  # given after the annotation's maxDuration, they win.
  mvn -B -Pfuzz -pl "$module" -am test \
      -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
      -Dsurefire.redirectTestOutputToFile=false -Dsurefire.timeout=$(( max_total_time + 600 )) \
      -Djazzer.internal.arg.0=fuzz \
      -Djazzer.internal.arg.1=-max_total_time="$max_total_time" \
      -Djazzer.internal.arg.2=-timeout="$input_timeout" \
      -Djazzer.internal.arg.3=-print_final_stats=1 \
      >"$log" 2>&1
  rc=$?
  took=$(( $(date +%s) - start ))
  # libFuzzer's last status line ("#123456 DONE ...") or final stats ("Done 123456 runs in 300 second(s)").
  runs="$(grep -aoE 'Done [0-9]+ runs' "$log" | tail -n 1 | grep -oE '[0-9]+')"
  if [ -z "$runs" ]; then
    runs="$(grep -aoE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')"
  fi
  runs="${runs:-?}"
  if [ $rc -eq 0 ]; then
    verdict="ok"
  else
    verdict="FAILED (exit $rc; see ${log#"$root"/})"
    failed=1
  fi
  line="$(printf '%-55s %12s executions  %5ss  %s' "$module $name" "$runs" "$took" "$verdict")"
  summary+=("$line")
  echo "$line" >&2
done

echo
echo "Fuzzing summary (${max_total_time}s per target):"
printf '%s\n' "${summary[@]}"
if [ $failed -ne 0 ]; then
  echo "fuzz.sh: a target crashed or hung; its input is in the target's <Class>Inputs/<method>/ test resources (or the log): fix it and commit the input." >&2
  exit 1
fi
