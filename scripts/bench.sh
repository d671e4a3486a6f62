#!/usr/bin/env bash
# Whole-CLI benchmark: throughput (docs/s, MB/s), scaling 1 vs N threads,
# peak RSS, memory with 100 vs 100,000 files in one directory, cost against
# article length, and start-up time on one small file.
#
#   scripts/bench.sh [COUNT]        COUNT documents per format (default 20000)
#
# The corpus is generated deterministically from fixtures/ and benches/data/
# (examples/gen_corpus.rs) into target/bench/ (override with BENCH_DIR) and
# reused on later runs. Needs GNU time (/usr/bin/time; apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${1:-20000}
WORK=${BENCH_DIR:-target/bench}
THREADS=${THREADS:-$(nproc)}
BIG=${BIG:-100000}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench.sh: GNU time not found at $TIME (apt-get install time)" >&2; exit 2; }

cargo build --release --quiet
cargo build --release --quiet --example gen_corpus
BIN=target/release/newsnorm
GEN=target/release/examples/gen_corpus
mkdir -p "$WORK"

gen() { # DIR ARGS... : generate once
    local dir=$1; shift
    [ -d "$dir" ] || "$GEN" "$dir" "$@" >/dev/null
}

# Bytes and files under DIR (cached: `du`/`find` over 100k files is slow).
size_of() {
    local dir=$1
    if [ ! -f "$dir.size" ]; then
        echo "$(find "$dir" -type f | wc -l) $(find "$dir" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')" > "$dir.size"
    fi
    cat "$dir.size"
}

# measure LABEL THREADS DIR: prints one result line.
measure() {
    local label=$1 threads=$2 dir=$3 files bytes
    read -r files bytes < <(size_of "$dir")
    # Warm the page cache so the disk is not what we measure.
    find "$dir" -type f -print0 | xargs -0 cat > /dev/null
    "$TIME" -f '%e %M %U %S' -o "$WORK/time.out" "$BIN" -q --no-progress -j "$threads" "$dir" > /dev/null || true
    read -r secs rss_kb user sys < "$WORK/time.out"
    # Wall-clock rates, and per CPU-second (user+sys), which a busy machine
    # disturbs much less than wall time.
    awk -v l="$label" -v t="$threads" -v f="$files" -v b="$bytes" -v s="$secs" -v r="$rss_kb" -v c="$user $sys" 'BEGIN {
        split(c, cs, " "); cpu = cs[1] + cs[2];
        if (s <= 0) s = 0.005; if (cpu <= 0) cpu = 0.005;
        printf "%-14s %2d thr %7d files %6.1f MB %6.2f s %7.0f docs/s %6.1f MB/s | cpu %6.2f s %7.0f docs/cpu-s %6.1f MB/cpu-s | RSS %5.1f MB\n",
               l, t, f, b / 1e6, s, f / s, b / 1e6 / s, cpu, f / cpu, b / 1e6 / cpu, r / 1024 }'
    echo "$secs" > "$WORK/last.secs"
    awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }' > "$WORK/last.cpu"
}

echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows wall-clock figures)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem/ {print $2}') GB RAM"
echo "binary:  $BIN ($(stat -c %s "$BIN") bytes), corpus in $WORK"
echo

gen "$WORK/text" "$COUNT" text
gen "$WORK/html" "$COUNT" html
echo "== throughput and scaling"
for kind in text html; do
    measure "$kind" 1 "$WORK/$kind"; one=$(cat "$WORK/last.secs")
    measure "$kind" "$THREADS" "$WORK/$kind"; many=$(cat "$WORK/last.secs")
    awk -v a="$one" -v b="$many" -v n="$THREADS" 'BEGIN { if (b > 0) printf "%-14s speed-up with %d threads: %.2fx (wall)\n", "", n, a / b }'
done

echo
echo "== memory: 100 vs $BIG files in one directory"
gen "$WORK/flat-100" 100 text --flat
gen "$WORK/flat-$BIG" "$BIG" text --flat
measure "flat 100" "$THREADS" "$WORK/flat-100"
measure "flat $BIG" "$THREADS" "$WORK/flat-$BIG"

echo
echo "== growth: 1000 articles, normal vs 10x longer (1 thread)"
gen "$WORK/grow-1" 1000 text --grow 1 --seed 7
gen "$WORK/grow-10" 1000 text --grow 10 --seed 7
measure "length x1" 1 "$WORK/grow-1"; t1=$(cat "$WORK/last.cpu")
measure "length x10" 1 "$WORK/grow-10"; t10=$(cat "$WORK/last.cpu")
read -r _ b1 < <(size_of "$WORK/grow-1")
read -r _ b10 < <(size_of "$WORK/grow-10")
awk -v a="$t1" -v b="$t10" -v x="$b1" -v y="$b10" 'BEGIN { if (a > 0) printf "%-14s %.1fx the bytes cost %.1fx the CPU time\n", "", y / x, b / a }'

echo
echo "== start-up: one small file, median of 21 runs"
small="$WORK/text/0000/0000000.txt"
for _ in $(seq 21); do
    s=$(date +%s%N); "$BIN" -q "$small" > /dev/null; e=$(date +%s%N)
    echo $(( (e - s) / 1000 ))
done | sort -n | awk '{ a[NR] = $1 } END { printf "%-14s %.1f ms (min %.1f, max %.1f)\n", "one file", a[11] / 1000, a[1] / 1000, a[NR] / 1000 }'
