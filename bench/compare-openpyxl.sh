#!/bin/sh
# Times `grader/target/nngrader grade` side by side with bench/grade_openpyxl.py (the script
# a TA would write) on one generated, simulated class, interleaved round by round so that both
# see the same load. Build first: mvn -q -DskipTests package; needs python3 with openpyxl
# (Debian: apt-get install python3-openpyxl).
# usage: bench/compare-openpyxl.sh [STUDENTS=2000] [ROUNDS=3] [WORK=/tmp/nngrader-compare]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
nngrader="$here/../grader/target/nngrader"
n=${1:-2000}; rounds=${2:-3}; work=${3:-/tmp/nngrader-compare}
py=${PYTHON:-python3}
"$py" -c 'import openpyxl' 2>/dev/null || { echo "compare: $py has no openpyxl (apt-get install python3-openpyxl, or PYTHON=/usr/bin/python3)" >&2; exit 2; }
[ -x "$nngrader" ] || { echo "compare: $nngrader is missing; run mvn -q -DskipTests package" >&2; exit 2; }
mkdir -p "$work"
if [ ! -d "$work/subs-$n" ]; then
  { echo student_id,name,email; i=1; while [ $i -le "$n" ]; do echo "s$i,Student $i,"; i=$((i + 1)); done; } > "$work/roster-$n.csv"
  "$nngrader" generate --template sigmoid-2-2-2 --roster "$work/roster-$n.csv" --seed 1 --out "$work/set-$n" >/dev/null
  "$nngrader" simulate --set "$work/set-$n" --out "$work/subs-$n" --profile mixed --seed 1 >/dev/null
fi
set_="$work/set-$n"; subs="$work/subs-$n"
echo "$(ls "$subs" | grep -c -e '\.xlsx$' -e '\.csv$') sheets, $(nproc) cores, $rounds rounds (seconds, whole command)"
now() { date +%s.%N; }
t() { s=$(now); "$@" >/dev/null 2>&1 || true; e=$(now); echo "$e $s" | awk '{printf "%.2f", $1 - $2}'; }
times=""
r=1
while [ $r -le "$rounds" ]; do
  a=$(t "$nngrader" grade --set "$set_" --submissions "$subs" --out "$work/results" --force)
  b=$(t "$nngrader" grade --set "$set_" --submissions "$subs" --out "$work/results" --force --reports none)
  c=$(t "$py" "$here/grade_openpyxl.py" "$set_" "$subs" "$work/py-grades.csv" 1)
  d=$(t "$py" "$here/grade_openpyxl.py" "$set_" "$subs" "$work/py-grades.csv" 2)
  echo "round $r: nngrader grade $a | nngrader grade --reports none $b | openpyxl 1 process $c | openpyxl 2 processes $d"
  times="$times$a $b $c $d
"
  r=$((r + 1))
done
median() { printf %s "$times" | awk -v c="$1" '{print $c}' | sort -n | awk '{x[NR] = $1} END {print (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2}'; }
m1=$(median 1); m2=$(median 2); m3=$(median 3); m4=$(median 4)
echo "median: nngrader grade $m1 s | --reports none $m2 s | openpyxl 1 process $m3 s | openpyxl 2 processes $m4 s"
echo "$m4 $m1 $m2" | awk '{printf "openpyxl with 2 processes takes %.1fx the time of nngrader grade, %.1fx of grade --reports none\n", $1 / $2, $1 / $3}'
