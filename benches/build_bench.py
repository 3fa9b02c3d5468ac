#!/usr/bin/env python3
"""Build benchmark of docs/performance.md: okrs against Hugo and the I/O floor.

For each size N it writes the corpus of examples/gen_corpus.rs (and the same Markdown as a
Hugo site), then, in one run, alternates three commands ROUNDS times each:
  okrs   `okrs build CORPUS -o OUT` into a fresh folder
  hugo   `hugo --quiet -s HUGO_SITE -d OUT` into a fresh folder
  floor  reading every input file, then copying okrs's output (`cat` and `cp -r`)
and prints the median wall time of each, the ratios okrs/hugo and okrs/floor, okrs's peak
memory, its output size, its largest HTML page, and a rebuild over an existing output.

Usage: benches/build_bench.py [--sizes 1000,5000,20000,50000] [--rounds 3]
                              [--okrs target/release/okrs] [--gen target/release/examples/gen_corpus]
                              [--work /dev/shm/okrs-bench]
Build first: cargo build --release --bin okrs --example gen_corpus
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time


def run(cmd):
    """Runs cmd, returns (wall seconds, peak RSS in MiB); fails loudly on a non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, usage.ru_maxrss / 1024


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)


def tree_size(path):
    """(bytes of every file, bytes of the largest .html file and its path)."""
    total, largest, largest_path = 0, 0, ""
    for root, _, files in os.walk(path):
        for name in files:
            full = os.path.join(root, name)
            size = os.path.getsize(full)
            total += size
            if name.endswith(".html") and size > largest:
                largest, largest_path = size, os.path.relpath(full, path)
    return total, largest, largest_path


def bench(n, args):
    corpus = os.path.join(args.work, f"corpus-{n}")
    hugo_site = os.path.join(args.work, f"hugo-{n}")
    out = os.path.join(args.work, f"out-{n}")
    hugo_out = os.path.join(args.work, f"hugo-out-{n}")
    floor_out = os.path.join(args.work, f"floor-out-{n}")
    if not os.path.isdir(corpus):
        subprocess.run([args.gen, corpus, str(n), "--hugo", hugo_site], check=True,
                       stdout=subprocess.DEVNULL)
    commands = {
        "okrs": [args.okrs, "build", corpus, "-o", out],
        "hugo": ["hugo", "--quiet", "-s", hugo_site, "-d", hugo_out],
        "floor": ["sh", "-c", 'find "$1" -type f -exec cat {} + >/dev/null && cp -r "$2" "$3"',
                  "floor", corpus, out, floor_out],
    }
    run(commands["okrs"])  # warm-up, and the output the floor copies
    times = {name: [] for name in commands}
    peak = []
    for _ in range(args.rounds):
        for name, cmd in commands.items():
            fresh({"okrs": out, "hugo": hugo_out, "floor": floor_out}[name])
            wall, rss = run(cmd)
            times[name].append(wall)
            if name == "okrs":
                peak.append(rss)
    rebuild = statistics.median(run(commands["okrs"])[0] for _ in range(args.rounds))
    total, largest, largest_path = tree_size(out)
    med = {name: statistics.median(t) for name, t in times.items()}
    return {
        "n": n, "files": sum(len(f) for _, _, f in os.walk(corpus)), **med,
        "vs_hugo": med["okrs"] / med["hugo"], "vs_floor": med["okrs"] / med["floor"],
        "peak": max(peak), "output": total, "largest": largest, "largest_path": largest_path,
        "rebuild": rebuild,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000,50000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--okrs", default="target/release/okrs")
    parser.add_argument("--gen", default="target/release/examples/gen_corpus")
    parser.add_argument("--work", default="/dev/shm/okrs-bench")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    print("| objectives | files | okrs | Hugo | floor | okrs/Hugo | okrs/floor | peak memory "
          "| output | largest page | rebuild over output |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        r = bench(n, args)
        print(f"| {r['n']:,} | {r['files']:,} | {r['okrs']:.2f} s | {r['hugo']:.2f} s "
              f"| {r['floor']:.2f} s | {r['vs_hugo']:.2f}× | {r['vs_floor']:.2f}× "
              f"| {r['peak']:.0f} MiB | {r['output'] / 2**20:.0f} MiB "
              f"| {r['largest'] / 1000:.0f} kB ({r['largest_path']}) | {r['rebuild']:.2f} s |",
              flush=True)


if __name__ == "__main__":
    main()
