#!/usr/bin/env bash
# Capture capacity (issue 10): how many concurrent G.711 stereo recordings one core records,
# side by side, on the same pinned core and the same load, with a bare receiver and rtpengine.
# The capture node (`vittne demo`), the bare sink and rtpengine run on core 0 (taskset -c 0), the
# load generator on core 1. Prints a Markdown table; details in docs/benchmarks.md, "Capture
# capacity". Loopback only; takes about 2 minutes per step and system.
#
#   bench/capacity.sh [options] [N ...]      (default steps: 100 250 500 1000 1500 2000)
#   options: --hold S (75) --rate CALLS/S (100) --systems vittne,bare,rtpengine --sample K (10)
#            --profile N (JFR during Vittne's steady state at step N) --out DIR
#
# Needs root for installing rtpengine-daemon (Debian) when it is missing. Not for CI: it runs for
# half an hour and wants a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${CI:-}" ]; then
  echo "bench/capacity.sh is a manual benchmark; not run in CI" >&2
  exit 0
fi
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ "$(nproc --all)" -ge 2 ] || { echo "needs two cores" >&2; exit 1; }
missing=()
command -v rtpengine >/dev/null || missing+=(rtpengine-daemon)
command -v psql >/dev/null || missing+=(postgresql-client)
python3 -c 'import numpy' 2>/dev/null || missing+=(python3-numpy)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
# the Debian package starts a daemon of its own on some systems: the benchmark runs its own
if command -v service >/dev/null; then service rtpengine-daemon stop >/dev/null 2>&1 || true; fi
jar=deploy/target/vittne.jar
[ -f "$jar" ] || mvn -B -q -DskipTests -pl deploy -am package >&2
ulimit -n "$(ulimit -Hn)" # one socket per RTP port
exec python3 bench/capacity.py "$@"
