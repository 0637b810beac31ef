#!/usr/bin/env python3
"""Load benchmark of minutes-searchd with wrk: requests per second and p50/p99 latency at 1, 8 and 64
connections, over the query set of the search benchmark (bench/query/queries.txt), for searches without
facets and with exact counts of all facets; each once with the result cache off (every request is a
search) and once with it on (the query set cycles, so after the first round nearly every request is a
cache hit: that figure measures the daemon around the search, not the search).

Builds the index first unless it exists (--reuse), starts the daemon on a free loopback port with
request logging off (--quiet), warms up, then runs wrk once per mode and connection count. The 1-minute
load average is printed beside every figure: the machine is shared, and wrk runs on it too.

usage: bench/http/bench_http.py [--corpus ../shared/corpora] [--build build] [--work var/bench-http]
                                [--reuse] [--duration 15] [--threads 2] [--connections 1,8,64]
                                [--cache off,on]
"""
import argparse
import os
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from wrk_driver import (ROOT, ensure_index, load_average, lua_script, queries, require_wrk,  # noqa: E402
                        run_wrk, start_daemon, stop_daemon)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_corpus = os.path.join(ROOT, "..", "shared", "corpora")
    parser.add_argument("--corpus", default=default_corpus if os.path.isdir(default_corpus) else os.path.join(ROOT, "corpora"))
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--work", default=os.path.join(ROOT, "var", "bench-http"))
    parser.add_argument("--db", help="an existing index to use instead of --work/db")
    parser.add_argument("--reuse", action="store_true", help="reuse the index in --work when present")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--threads", type=int, default=2, help="daemon search workers")
    parser.add_argument("--connections", default="1,8,64")
    parser.add_argument("--cache", default="off,on", help="result cache settings to run: off, on or both")
    args = parser.parse_args()
    require_wrk("bench_http")

    db = args.db or os.path.join(args.work, "db")
    if not args.db:
        ensure_index(args.build, args.corpus, db, args.reuse)
    qs = queries()
    print(f"\nminutes-searchd, {args.threads} search workers, {len(qs)} queries (bench/query/queries.txt), "
          f"limit 10, {args.duration} s per run; load = 1-minute load average before the run (2 cores)")
    print(f"{'cache':<6} {'mode':<12} {'conn':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'requests':>9} "
          f"{'non-2xx':>8} {'load':>6}")
    for cache in args.cache.split(","):
        extra = ["--cache-entries", "0"] if cache == "off" else []
        daemon, url = start_daemon("bench_http", args.build, db, args.threads, extra)
        try:
            with tempfile.TemporaryDirectory() as tmp:
                modes = {}
                for name, facets in (("no facets", {}), ("all facets", {"facets": "all"})):
                    targets = ["/search?" + urllib.parse.urlencode({"q": q, "limit": "10", **facets}) for q in qs]
                    modes[name] = os.path.join(tmp, name.replace(" ", "-") + ".lua")
                    lua_script(modes[name], targets)
                run_wrk(url, modes["all facets"], 8, 3)  # warm-up: page cache and each worker's searcher
                for name, script in modes.items():
                    for connections in [int(c) for c in args.connections.split(",")]:
                        load = load_average()
                        r = run_wrk(url, script, connections, args.duration)
                        print(f"{cache:<6} {name:<12} {connections:>5} {r['rps']:>9.0f} {r['p50']:>8.2f} "
                              f"{r['p99']:>8.2f} {r['requests']:>9} {r['non2xx']:>8} {load:>6.1f} "
                              f"{r['socket_errors']}", flush=True)
        finally:
            stop_daemon(daemon)


if __name__ == "__main__":
    main()
