#!/bin/sh
# Runs one fuzz target for a given time, in one process (no -jobs: other cores stay free).
#
#   Fuzz/run.sh xliff|html SECONDS [extra libFuzzer options]
#
# Builds first (Fuzz/build.sh; the library is rebuilt only when a source changed). Seeds:
# the committed corpus (Fuzz/corpus/<target>) plus, read-only, the sample pages (html) and the
# shared conformance suites when present. New inputs go to Fuzz/.out/corpus-<target>; crashes, timeouts and OOMs to
# Fuzz/artifacts/<target>/ (both git-ignored). The final statistics are printed at the end.
set -eu
cd "$(dirname "$0")/.."
target=${1:?"usage: Fuzz/run.sh xliff|html SECONDS"}
seconds=${2:?"usage: Fuzz/run.sh xliff|html SECONDS"}
shift 2
# FUZZ_NO_BUILD=1 runs the binary as it is (while library sources are being edited).
[ "${FUZZ_NO_BUILD:-0}" = 1 ] || Fuzz/build.sh "$target"

out=Fuzz/.out
work="$out/corpus-$target"
artifacts="Fuzz/artifacts/$target"
mkdir -p "$work" "$artifacts"
seeds="Fuzz/corpus/$target"
shared=../shared/conformance
case "$target" in
    xliff) [ -d "$shared/xliff-2-testsuite" ] && seeds="$seeds $shared/xliff-2-testsuite" ;;
    # The sample pages are seeds too, read from content/ rather than copied.
    html) seeds="$seeds content"
          [ -d "$shared/its-2.0-testsuite" ] && seeds="$seeds $shared/its-2.0-testsuite" ;;
esac

# -fork=1: one child process at a time, restarted after a crash, timeout or OOM (each kept in
# the artifacts folder), so one finding does not end the run.
# No Swift backtracer (libFuzzer reports the crash), no leak check (caches live for the run).
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"
# shellcheck disable=SC2086
exec "$out/$target-fuzz" "$work" $seeds \
    -max_total_time="$seconds" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$@"
