#!/usr/bin/env python3
"""Share of CPU samples per component, from `perf script` output with call graphs.

Each sample goes to the first pattern (a Python regex) that matches any frame of its stack, so
list the more specific patterns first; samples that match none are counted as "(other)".

    perf record --call-graph dwarf,16384 -F 499 -p <pid> -o perf.data -- sleep 5
    perf script -i perf.data > perf.txt
    bench/perf-components.py perf.txt InboxProcessor WalCheckpointer 'InboxWriter' \
        SlackRequestFilter 'gc_heap|RhpNew' Kestrel Sockets
    bench/perf-components.py perf.txt --within InboxProcessor 'FindingStore' 'NudgeStore' 'InboxStore'
"""
import argparse
import collections
import re
import sys


def stacks(path):
    frames = []
    with open(path, errors="replace") as lines:
        for line in lines:
            if not line.strip():
                if frames:
                    yield " ".join(frames)
                frames = []
            elif line[0] in " \t":
                parts = line.strip().split(" ", 1)
                if len(parts) > 1:
                    frames.append(parts[1])
    if frames:
        yield " ".join(frames)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("script", help="output of `perf script`")
    parser.add_argument("patterns", nargs="+", help="component patterns, most specific first")
    parser.add_argument("--within", help="only samples whose stack matches this pattern (shares stay of all samples)")
    args = parser.parse_args()
    patterns = [(p, re.compile(p)) for p in args.patterns]
    within = re.compile(args.within) if args.within else None
    counts = collections.Counter()
    total = 0
    try:
        samples = list(stacks(args.script))
    except OSError as error:
        sys.exit(f"{args.script}: {error.strerror}")
    for stack in samples:
        total += 1
        if within and not within.search(stack):
            continue
        counts[next((name for name, rx in patterns if rx.search(stack)), "(other)")] += 1
    if total == 0:
        sys.exit(f"{args.script}: no samples with call stacks (record with --call-graph)")
    for name, n in counts.most_common():
        print(f"{100 * n / total:6.2f}%  {name}")
    print(f"{total} samples")


if __name__ == "__main__":
    main()
