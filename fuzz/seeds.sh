#!/usr/bin/env bash
# Writes the seed inputs of both fuzz targets from the test fixtures and the samples:
# corpus/document/seed-* (one file each, its kind's byte first: harness.rs KINDS) and
# corpus/pipeline/seed-* (a site each, as `>>> PATH` sections, its first files).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/document corpus/pipeline
kind() {
  case "$1" in
    objectives/*/*) echo 1 ;;
    objectives/*) echo 0 ;;
    checkins/*) echo 2 ;;
    teams/*) echo 3 ;;
    people/*) echo 4 ;;
    pages/*) echo 5 ;;
    org.md) echo 6 ;;
    okrs.yaml) echo 7 ;;
    *) return 1 ;;
  esac
}
for site in ../tests/fixtures/* ../sample-okrs/*; do
  [ -f "$site/okrs.yaml" ] || continue
  name=$(basename "$site")
  out="corpus/pipeline/seed-$name"
  : >"$out"
  n=0
  while IFS= read -r rel; do
    file="$site/$rel"
    if k=$(kind "$rel"); then
      # shellcheck disable=SC2059 # the byte, written as an octal escape
      { printf "\\$(printf '%03o' "$k")"; cat "$file"; } >"corpus/document/seed-$name-${rel//\//-}"
    fi
    if [ "$n" -lt 16 ]; then
      printf '>>> %s\n' "$rel" >>"$out"
      cat "$file" >>"$out"
      n=$((n + 1))
    fi
  done < <(cd "$site" && { echo okrs.yaml; find . -type f -name '*.md' | sed 's|^\./||' | LC_ALL=C sort; })
done
