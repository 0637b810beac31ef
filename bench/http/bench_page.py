#!/usr/bin/env python3
"""Latency of the search page against the JSON search it is built on, with wrk: the same queries (the
query set of bench/query/queries.txt) as /?q=... (HTML page: search, the page's six facets, rendering,
plus the widened searches of an empty result) and as /search?q=...&facets=<the same six> (JSON), and for
reference JSON without facets and the Atom feed. Prints req/s, p50 and p99 per mode and connection count,
and the page's p99 over the JSON's (issue 11 asks for at most 1.20).

usage: bench/http/bench_page.py [--corpus ../shared/corpora] [--build build] [--work var/bench-page]
                                [--reuse] [--duration 15] [--threads 2] [--connections 1,8] [--rounds 2]
"""
import argparse
import os
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from wrk_driver import (ensure_index, load_average, lua_script, queries, require_wrk, run_wrk,  # noqa: E402
                        start_daemon, stop_daemon)

PAGE_FACETS = "committee,council,year,member,role,type"  # web_page.h page_facets()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_corpus = os.path.join(ROOT, "..", "shared", "corpora")
    parser.add_argument("--corpus", default=default_corpus if os.path.isdir(default_corpus) else os.path.join(ROOT, "corpora"))
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--work", default=os.path.join(ROOT, "var", "bench-page"))
    parser.add_argument("--reuse", action="store_true", help="reuse the index in --work when present")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--threads", type=int, default=2, help="daemon worker threads")
    parser.add_argument("--connections", default="1,8")
    parser.add_argument("--rounds", type=int, default=2,
                        help="runs of each mode, interleaved, so a neighbour's burst does not land on one mode")
    args = parser.parse_args()
    require_wrk("bench_page")
    db = os.path.join(args.work, "db")
    ensure_index(args.build, args.corpus, db, args.reuse)
    # The page is what is measured against JSON: without the result cache, both are searches.
    daemon, url = start_daemon("bench_page", args.build, db, args.threads, ["--cache-entries", "0"])
    qs = queries()
    modes = {
        "page": ["/?" + urllib.parse.urlencode({"q": q}) for q in qs],
        "json+facets": ["/search?" + urllib.parse.urlencode({"q": q, "limit": "10", "facets": PAGE_FACETS}) for q in qs],
        "json": ["/search?" + urllib.parse.urlencode({"q": q, "limit": "10"}) for q in qs],
        "atom": ["/search.atom?" + urllib.parse.urlencode({"q": q}) for q in qs],
    }
    try:
        with tempfile.TemporaryDirectory() as tmp:
            scripts = {}
            for name, targets in modes.items():
                scripts[name] = os.path.join(tmp, name.replace("+", "-") + ".lua")
                lua_script(scripts[name], targets)
            for name in scripts:  # warm-up: page cache and each worker's searcher
                run_wrk(url, scripts[name], 2, 2)
            print(f"\nminutes-searchd, {args.threads} worker threads, {len(qs)} queries (bench/query/queries.txt), "
                  f"{args.duration} s per run, {args.rounds} round(s); p50/p99 are the median over rounds; "
                  f"result cache off; 1-minute load average {load_average():.1f} at the start (2 cores)")
            print(f"{'mode':<12} {'conn':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
            for connections in [int(c) for c in args.connections.split(",")]:
                results = {name: [] for name in scripts}
                for _ in range(args.rounds):
                    for name, script in scripts.items():
                        results[name].append(run_wrk(url, script, connections, args.duration))
                summary = {}
                for name, runs in results.items():
                    mid = lambda key: sorted(r[key] for r in runs)[len(runs) // 2]  # noqa: E731
                    summary[name] = {k: mid(k) for k in ("rps", "p50", "p99")}
                    non2xx = sum(r["non2xx"] for r in runs)
                    print(f"{name:<12} {connections:>5} {summary[name]['rps']:>9.0f} {summary[name]['p50']:>8.2f} "
                          f"{summary[name]['p99']:>8.2f} {non2xx:>8}", flush=True)
                ratio = summary["page"]["p99"] / summary["json+facets"]["p99"]
                print(f"{'':<12} {connections:>5} page p99 / JSON (same facets) p99 = {ratio:.2f} "
                      f"({'within' if ratio <= 1.2 else 'NOT within'} 20%)", flush=True)
    finally:
        stop_daemon(daemon)


if __name__ == "__main__":
    main()
