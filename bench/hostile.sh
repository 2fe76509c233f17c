#!/usr/bin/env bash
# Time and peak memory of shipshape on each hostile input (tests/hostile/hostile_test.cc runs
# them with a time limit and a memory cap and asserts their outcome; this prints what each
# took). Peak memory is the process's VmHWM sampled every 2 ms (0: done before the first
# sample).
#   bash bench/hostile.sh [shipshape_tests binary]
set -euo pipefail
tests=${1:-build/shipshape_tests}
echo "| case | exit | seconds | peak MB |"
echo "|---|---|---|---|"
"$tests" --gtest_filter='Inputs/Hostile.*' 2>&1 |
  awk '/^hostile: / { split($3, e, "="); split($4, s, "="); split($5, m, "=");
                      printf "| %s | %s | %.3f | %s |\n", $2, e[2], s[2], m[2] }'
