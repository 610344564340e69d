#!/usr/bin/env bash
# Catalog benchmark of issue 12, in one run:
#   (a) reading a generated 50,000-row catalog (Markdown table, list items, name blocks, CSV, JSON Lines):
#       `catalog --search` with a text no entry holds reads and parses the whole catalog and classifies
#       nothing, so its time is the reading time plus the JVM's start        goal: under 2 s each
#   (b) `catalog` on the bundled catalog with this branch's jar and with the jar of BASE (main by default),
#       alternating runs                                                        goal: no slower than BASE
# Each measurement runs RUNS times; the tables show medians of wall time and of CPU time (user + system,
# less sensitive to other processes on a shared machine) and the load average before and after.
#
# Settings (environment):
#   RUNS=7            runs per measurement
#   ROWS=50000        rows of the generated catalogs
#   BASE=main         git revision whose jar is the baseline for (b)
#   JAR=target/medfetch.jar, BASE_JAR=<built from BASE in a temporary folder>
#
# Needs java 17, maven (to build the jars), git, python3 (to generate the catalogs) and GNU time.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
ROWS=${ROWS:-50000}
BASE=${BASE:-main}
JAR=${JAR:-target/medfetch.jar}

need java "install a Java 17 runtime"
need mvn "install maven"
need git "install git"
need python3 "install python3"
need /usr/bin/time "install GNU time with: sudo apt-get install time"
need bc "install it with: sudo apt-get install bc"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/medfetch-catalog-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ ! -f "$JAR" ]; then
  echo "building $JAR ..." >&2
  mvn -B -q package -DskipTests
fi
if [ -z "${BASE_JAR:-}" ]; then
  echo "building the jar of $BASE ..." >&2
  mkdir -p "$WORK/base"
  git archive "$BASE" | tar -x -C "$WORK/base"
  (cd "$WORK/base" && mvn -B -q package -DskipTests)
  BASE_JAR="$WORK/base/target/medfetch.jar"
fi

python3 - "$WORK" "$ROWS" <<'PY'
import json, sys
work, rows = sys.argv[1], int(sys.argv[2])
def name(i): return f"Dataset {i:05d} CT-{i % 97}"
def url(i): return f"https://zenodo.org/records/{1000000 + i}"
with open(f"{work}/table.md", "w") as f:
    f.write("# Generated catalog\n")
    for i in range(rows):
        if i % 1000 == 0:
            f.write(f"\n## Part {i // 1000}\n\n| Dataset | Task | Body part | Format | Count | Download Link | Paper |\n"
                    "|---|---|---|---|---|---|---|\n")
        f.write(f"| {name(i)} | segmentation | liver | 3D | {i} | [zenodo]({url(i)}) | [paper](https://doi.org/10.1/{i}) |\n")
with open(f"{work}/items.md", "w") as f:
    f.write("# Generated catalog\n")
    for i in range(rows):
        if i % 1000 == 0:
            f.write(f"\n## Part {i // 1000}\n\n")
        f.write(f"- <a href=\"{url(i)}\"> **{name(i)}**</a><br>\n  Some description.<br>\n"
                f"  <a href=\"https://doi.org/10.1/{i}\"> ![paper](src/paper.png)</a>\n")
with open(f"{work}/blocks.md", "w") as f:
    f.write("# Generated catalog\n\n## Imaging\n\n")
    for i in range(rows):
        f.write(f"__{name(i)}__\nA description of the data.\nPaper: https://doi.org/10.1/{i}\nAccess: {url(i)}\n\n***\n\n")
with open(f"{work}/table.csv", "w") as f:
    f.write("name,task,section,link,paper\n")
    for i in range(rows):
        f.write(f"\"{name(i)}\",segmentation,Part {i // 1000},{url(i)},https://doi.org/10.1/{i}\n")
with open(f"{work}/table.jsonl", "w") as f:
    for i in range(rows):
        f.write(json.dumps({"name": name(i), "section": f"Part {i // 1000}", "link": url(i),
                            "links": [{"label": "paper", "url": f"https://doi.org/10.1/{i}"}]}) + "\n")
PY

LOAD_BEFORE=$(load_average)

# "wall cpu" seconds of one run of: java -jar JAR ARGS..., output discarded; exits 2 if the run fails
run_once() {
  local jar=$1; shift
  if ! /usr/bin/time -f "%e %U %S" -o "$WORK/time" java -jar "$jar" "$@" >/dev/null 2>"$WORK/err"; then
    echo "bench/catalog.sh: 'medfetch $*' failed: $(head -c 300 "$WORK/err")" >&2
    exit 2
  fi
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$WORK/time"
}

# median of column $1 of stdin, two decimals
column_median() {
  awk -v c="$1" '{print $c}' | median "%.2f"
}

echo
echo "(a) reading a generated catalog of $ROWS rows (median of $RUNS runs, JVM start included)"
printf '%-14s %10s %10s %10s\n' catalog wall cpu datasets
for f in table.md items.md blocks.md table.csv table.jsonl; do
  : > "$WORK/times"
  for _ in $(seq "$RUNS"); do
    run_once "$JAR" catalog --no-mirrors --catalog "$WORK/$f" --search no-such-text-in-any-entry >> "$WORK/times"
  done
  read_line=$(java -jar "$JAR" catalog --no-mirrors --catalog "$WORK/$f" --search no-such-text 2>&1 >/dev/null | head -1)
  datasets=$(echo "$read_line" | sed -E 's/^medfetch: ([0-9]+) datasets? read.*/\1/')
  printf '%-14s %10s %10s %10s\n' "$f" "$(column_median 1 < "$WORK/times")" "$(column_median 2 < "$WORK/times")" \
    "$datasets"
done

echo
echo "(b) 'catalog' on the bundled catalog, this jar against $BASE's (median of $RUNS alternating runs)"
: > "$WORK/new"
: > "$WORK/old"
for _ in $(seq "$RUNS"); do
  run_once "$BASE_JAR" catalog >> "$WORK/old"
  run_once "$JAR" catalog >> "$WORK/new"
done
printf '%-14s %10s %10s\n' jar wall cpu
printf '%-14s %10s %10s\n' "$BASE" "$(column_median 1 < "$WORK/old")" "$(column_median 2 < "$WORK/old")"
printf '%-14s %10s %10s\n' "this branch" "$(column_median 1 < "$WORK/new")" "$(column_median 2 < "$WORK/new")"
printf 'ratio this/%s: wall %.2f, cpu %.2f\n' "$BASE" \
  "$(echo "$(column_median 1 < "$WORK/new") / $(column_median 1 < "$WORK/old")" | bc -l)" \
  "$(echo "$(column_median 2 < "$WORK/new") / $(column_median 2 < "$WORK/old")" | bc -l)"

echo
echo "load average before: $LOAD_BEFORE, after: $(load_average)"
