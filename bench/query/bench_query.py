#!/usr/bin/env python3
"""Query latency of minutes-query against quest (xapian-tools) and SQLite FTS5, on the same corpus, in one run.

Runs every query of queries.txt (a fixed set, >= 100) through each engine as a separate process, as a user
at a terminal would, and prints p50 / p90 / p99 / max latency per engine and mode:
  minutes-query           top 10 items with snippets and citations, no facets
  minutes-query --facets  the same with exact counts of all eight facets over the whole result set
  quest                   Xapian's own command-line search over the same index (parse + top 10), no facets
  sqlite3 FTS5            one row per agenda item (the same items, from `minutes-index inspect`),
                          tokenize='porter unicode61', top 10 by bm25() with snippet()
  sqlite3 FTS5 + groups   the same plus GROUP BY counts of committee and year over all matches
The index and the FTS5 table are built first unless they exist (--reuse).

usage: bench/query/bench_query.py [--corpus ../shared/corpora] [--build build] [--work var/bench-query]
                                  [--reuse] [--repeat N]
"""
import argparse, json, os, sqlite3, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def percentile(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100.0 * len(values) + 0.5)) - 1))
    return values[k]


def timed(args, stdin=None):
    start = time.perf_counter()
    # quest prints each hit's document data, which for this index is binary: decode leniently.
    r = subprocess.run(args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       errors='replace')
    elapsed = (time.perf_counter() - start) * 1000.0
    return elapsed, r


def corpus_files(corpus):
    skip = {'README.md', 'SOURCES.md', 'LICENSE', 'LICENSE.md', 'MANIFEST.tsv'}
    for root, dirs, files in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
        for f in sorted(files):
            if f in skip or f.startswith('.'):
                continue
            if os.path.splitext(f)[1].lower() in ('.txt', '.md', '.markdown', '.html', '.htm', '.pdf'):
                yield os.path.join(root, f)


def build_fts(indexer, corpus, path):
    """One FTS5 row per agenda item, from the same recognition the index uses."""
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE items USING fts5(council UNINDEXED, committee UNINDEXED, year UNINDEXED, "
               "title, body, tokenize='porter unicode61')")
    files = list(corpus_files(corpus))
    rows = 0
    for i in range(0, len(files), 40):
        r = subprocess.run([indexer, 'inspect', '--compact', *files[i:i + 40]], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True)
        for line in r.stdout.splitlines():
            try:
                m = json.loads(line)
            except ValueError:
                continue
            date = m.get('date') or ''
            items = m.get('items') or []
            for item in items:
                body = '\n'.join(p.get('text', '') for p in item.get('passages', []))
                db.execute('INSERT INTO items VALUES (?,?,?,?,?)',
                           (m.get('council', ''), m.get('committee', ''), date[:4], item.get('title', ''), body))
                rows += 1
    db.commit()
    db.close()
    return rows


def sql_quote(text):
    return "'" + text.replace("'", "''") + "'"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--corpus', default=os.path.join(ROOT, '..', 'shared', 'corpora'))
    ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
    ap.add_argument('--work', default=os.path.join(ROOT, 'var', 'bench-query'))
    ap.add_argument('--reuse', action='store_true', help='keep an index and FTS5 table already built in --work')
    ap.add_argument('--repeat', type=int, default=1, help='runs of the whole query set per engine (after one warm-up)')
    args = ap.parse_args()

    indexer = os.path.join(args.build, 'indexer', 'minutes-index')
    query = os.path.join(args.build, 'query', 'minutes-query')
    for exe in (indexer, query):
        if not os.access(exe, os.X_OK):
            sys.exit(f'{exe} not built (scripts/build {args.build})')
    os.makedirs(args.work, exist_ok=True)
    index = os.path.join(args.work, 'index')
    fts = os.path.join(args.work, 'fts5.sqlite')
    if not (args.reuse and os.path.isdir(index)):
        print(f'== indexing {args.corpus} into {index}', flush=True)
        t = time.time()
        subprocess.run([indexer, 'add', '--db', index, args.corpus], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f'   {time.time() - t:.1f} s', flush=True)
    if not (args.reuse and os.path.exists(fts)):
        print(f'== building the FTS5 table {fts}', flush=True)
        t = time.time()
        rows = build_fts(indexer, args.corpus, fts)
        print(f'   {rows} items in {time.time() - t:.1f} s', flush=True)

    queries = [l.strip() for l in open(os.path.join(HERE, 'queries.txt')) if l.strip() and not l.startswith('#')]
    print(f'== {len(queries)} queries, {args.repeat} timed run(s) each after a warm-up, one process per query',
          flush=True)

    def fts_sql(q, groups):
        sql = ('SELECT council, committee, title, snippet(items, 4, \'[\', \']\', \'...\', 24) FROM items '
               f'WHERE items MATCH {sql_quote(q)} ORDER BY bm25(items) LIMIT 10;\n')
        if groups:
            sql += (f'SELECT committee, count(*) FROM items WHERE items MATCH {sql_quote(q)} GROUP BY committee '
                    'ORDER BY 2 DESC LIMIT 20;\n'
                    f'SELECT year, count(*) FROM items WHERE items MATCH {sql_quote(q)} GROUP BY year '
                    'ORDER BY 2 DESC LIMIT 20;\n')
        return sql

    engines = [
        ('minutes-query', lambda q: ([query, '--db', index, '--format', 'json', q], None)),
        ('minutes-query --facets', lambda q: ([query, '--db', index, '--format', 'json', '--facets', q], None)),
        ('quest', lambda q: (['quest', '-d', index, '-m', '10', '-o', 'and', '-f', 'default,wildcard', q], None)),
        ('sqlite3 FTS5', lambda q: (['sqlite3', fts], fts_sql(q, False))),
        ('sqlite3 FTS5 + groups', lambda q: (['sqlite3', fts], fts_sql(q, True))),
    ]
    # Fixed cost of starting each program (no search), for reading the numbers.
    start_cost = {
        'minutes-query': statistics.median(timed([query, '--help'])[0] for _ in range(5)),
        'quest': statistics.median(timed(['quest', '--help'])[0] for _ in range(5)),
        'sqlite3': statistics.median(timed(['sqlite3', fts], 'SELECT 1;')[0] for _ in range(5)),
    }
    results = {}
    for name, command in engines:
        for q in queries:  # warm-up: page cache and the programs' libraries
            argv, stdin = command(q)
            timed(argv, stdin)
        lat, errors, empty = [], 0, 0
        for _ in range(args.repeat):
            for q in queries:
                argv, stdin = command(q)
                ms, r = timed(argv, stdin)
                lat.append(ms)
                if name.startswith('minutes-query'):
                    if r.returncode not in (0, 1):
                        errors += 1
                        print(f'   {name}: {q!r}: {r.stderr.strip()}', file=sys.stderr)
                    empty += r.returncode == 1
                elif r.returncode != 0:
                    errors += 1
                    print(f'   {name}: {q!r}: {r.stderr.strip()[:200]}', file=sys.stderr)
        results[name] = (lat, errors, empty)

    print()
    print(f'{"engine":<24} {"p50 ms":>8} {"p90 ms":>8} {"p99 ms":>8} {"max ms":>8} {"errors":>7}')
    for name, (lat, errors, empty) in results.items():
        print(f'{name:<24} {percentile(lat, 50):8.1f} {percentile(lat, 90):8.1f} {percentile(lat, 99):8.1f} '
              f'{max(lat):8.1f} {errors:7d}' + (f'   ({empty} queries without hits)' if empty else ''))
    print()
    print('process start-up alone (median ms): ' + ', '.join(f'{k} {v:.1f}' for k, v in start_cost.items()))
    out = subprocess.run([indexer, 'stats', '--db', index], stdout=subprocess.PIPE, text=True).stdout.splitlines()
    if out:
        print('index: ' + out[0])


if __name__ == '__main__':
    main()
