#!/usr/bin/env python3
"""Indexing benchmark: the same corpus indexed by minutes-index, Xapian's scriptindex, SQLite FTS5 and the
Sphinx 2.2 indexer, one after the other in one run; prints wall time, MB/s, peak RSS and index size for each,
and how each tool's cost grows with the corpus.

usage: bench/index/bench_index.py [--corpus DIR]... [--grow MB[,MB...]] [--tools LIST] [--minutes-index EXE]
                                  [--work DIR] [--threads N]

Defaults: --corpus ../shared/corpora/cleveland-city-record, --grow 256 (grown from the first corpus with
../shared/tools/grow-corpus; add 1024 for the 1 GB point), every tool, build/indexer/minutes-index,
--work var/bench-index. Input for the other tools (a scriptindex dump, an xmlpipe2 stream) is written
before their clock starts; FTS5 reads the files itself with readfile(). minutes-index reads and
recognises the files itself, inside its time. Peak RSS is the child's ru_maxrss (wait4).
"""
import argparse, os, shutil, subprocess, sys, time
from xml.sax.saxutils import escape

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
TOOLS = ('minutes-index', 'scriptindex', 'fts5', 'sphinx')
PACKAGES = {'scriptindex': 'xapian-omega', 'sqlite3': 'sqlite3', 'indexer': 'sphinxsearch'}


def note(msg):
    print(f'bench: {msg}', file=sys.stderr, flush=True)


def ensure_tool(binary):
    """The tool's binary, installing its Debian package when missing and we are root; None when unavailable."""
    path = shutil.which(binary)
    if path:
        return path
    package = PACKAGES[binary]
    if os.geteuid() == 0 and shutil.which('apt-get'):
        note(f'installing {package} for {binary}')
        subprocess.run(['apt-get', 'install', '-y', '-q', '--no-install-recommends', package],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=dict(os.environ, DEBIAN_FRONTEND='noninteractive'))
        path = shutil.which(binary)
    if not path:
        note(f'{binary} not available (Debian package {package} not installable here): skipped')
    return path


def corpus_files(corpus):
    files = []
    for root, dirs, names in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
        for n in sorted(names):
            if n.lower().endswith(('.txt', '.md')) and n not in ('README.md', 'SOURCES.md'):
                files.append(os.path.join(root, n))
    return files


def measure(args, cwd=None, stdin=None):
    """Runs a command; returns (wall seconds, peak RSS bytes, exit code)."""
    start = time.monotonic()
    p = subprocess.Popen(args, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.monotonic() - start
    err = p.stderr.read().decode(errors='replace')
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        note(f'{args[0]} exited {code}: {err[-500:]}')
    return wall, usage.ru_maxrss * 1024, code


def size_of(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for root, _, names in os.walk(path):
        for n in names:
            total += os.path.getsize(os.path.join(root, n))
    return total


def read_text(path):
    with open(path, 'rb') as f:
        return f.read().decode('utf-8', errors='replace')


def run_minutes(exe, files, work, threads):
    db = os.path.join(work, 'minutes.db')
    shutil.rmtree(db, ignore_errors=True)
    listed = os.path.join(work, 'files.txt')
    with open(listed, 'w') as f:
        f.write('\n'.join(files) + '\n')
    args = [exe, 'add', '--db', db, '--files-from', listed]
    if threads:
        args += ['--threads', str(threads)]
    wall, rss, _ = measure(args)
    return wall, rss, size_of(db)


def run_scriptindex(binary, files, work):
    db = os.path.join(work, 'scriptindex.db')
    shutil.rmtree(db, ignore_errors=True)
    script = os.path.join(work, 'index.script')
    with open(script, 'w') as f:
        f.write('id : unique=Q boolean=Q\ntext : index\n')
    dump = os.path.join(work, 'scriptindex.dump')
    with open(dump, 'w', encoding='utf-8') as out:
        for path in files:
            out.write(f'id={path}\n')
            lines = read_text(path).split('\n')
            out.write('text=' + lines[0].replace('\r', '') + '\n')
            for line in lines[1:]:
                out.write('=' + line.replace('\r', '') + '\n')  # continuation lines keep blank lines inside the field
            out.write('\n')
    wall, rss, _ = measure([binary, db, script, dump])
    return wall, rss, size_of(db)


def run_fts5(binary, files, work):
    db = os.path.join(work, 'fts5.sqlite')
    if os.path.exists(db):
        os.remove(db)
    sql = os.path.join(work, 'fts5.sql')
    with open(sql, 'w', encoding='utf-8') as out:
        out.write("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body, tokenize='porter unicode61');\nBEGIN;\n")
        for path in files:
            quoted = path.replace("'", "''")
            out.write(f"INSERT INTO docs(path, body) VALUES('{quoted}', CAST(readfile('{quoted}') AS TEXT));\n")
        out.write('COMMIT;\n')
    with open(sql) as stdin:
        wall, rss, _ = measure([binary, db], stdin=stdin)
    return wall, rss, size_of(db)


def run_sphinx(binary, files, work):
    base = os.path.join(work, 'sphinx')
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    stream = os.path.join(base, 'docs.xml')
    with open(stream, 'w', encoding='utf-8') as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<sphinx:docset>\n<sphinx:schema>\n'
                  '<sphinx:field name="content"/>\n<sphinx:attr name="path" type="string"/>\n</sphinx:schema>\n')
        for i, path in enumerate(files, 1):
            text = ''.join(c for c in read_text(path) if c in '\t\n' or ord(c) >= 0x20)
            out.write(f'<sphinx:document id="{i}"><path>{escape(path)}</path><content>{escape(text)}</content>'
                      '</sphinx:document>\n')
        out.write('</sphinx:docset>\n')
    conf = os.path.join(base, 'sphinx.conf')
    with open(conf, 'w') as f:
        f.write(f'source docs\n{{\n  type = xmlpipe2\n  xmlpipe_command = cat {stream}\n}}\n'
                f'index docs\n{{\n  source = docs\n  path = {base}/idx/docs\n  morphology = stem_en\n}}\n'
                'indexer\n{\n  mem_limit = 256M\n}\n')
    os.makedirs(os.path.join(base, 'idx'))
    wall, rss, _ = measure([binary, '--config', conf, '--all', '--quiet'])
    return wall, rss, size_of(os.path.join(base, 'idx'))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--corpus', action='append')
    ap.add_argument('--grow', default='256', help='grown corpus sizes in MB, comma-separated ("" for none)')
    ap.add_argument('--tools', default=','.join(TOOLS))
    ap.add_argument('--minutes-index', default=os.path.join(ROOT, 'build', 'indexer', 'minutes-index'))
    ap.add_argument('--work', default=os.path.join(ROOT, 'var', 'bench-index'))
    ap.add_argument('--threads', type=int, default=0, help='minutes-index worker threads (0: its default)')
    a = ap.parse_args()

    corpora = a.corpus or [os.path.join(ROOT, '..', 'shared', 'corpora', 'cleveland-city-record')]
    corpora = [os.path.normpath(c) for c in corpora]
    for c in corpora:
        if not os.path.isdir(c):
            sys.exit(f'bench: no corpus at {c}')
    os.makedirs(a.work, exist_ok=True)
    grow_tool = os.path.join(ROOT, '..', 'shared', 'tools', 'grow-corpus')
    for mb in [m for m in a.grow.split(',') if m.strip()]:
        dest = os.path.join(a.work, f'grown-{mb}mb')
        if not os.path.isdir(dest):
            note(f'growing {corpora[0]} to {mb} MB in {dest}')
            subprocess.run([sys.executable, grow_tool, corpora[0], dest, '--mb', mb], check=True,
                           stdout=subprocess.DEVNULL)
        corpora.append(dest)

    tools = [t for t in a.tools.split(',') if t]
    binaries = {}
    if 'minutes-index' in tools:
        if not os.access(a.minutes_index, os.X_OK):
            sys.exit(f'bench: {a.minutes_index} not built (scripts/build)')
        binaries['minutes-index'] = a.minutes_index
    for tool, binary in (('scriptindex', 'scriptindex'), ('fts5', 'sqlite3'), ('sphinx', 'indexer')):
        if tool in tools:
            path = ensure_tool(binary)
            if path:
                binaries[tool] = path

    runners = {
        'minutes-index': lambda files, work: run_minutes(binaries['minutes-index'], files, work, a.threads),
        'scriptindex': lambda files, work: run_scriptindex(binaries['scriptindex'], files, work),
        'fts5': lambda files, work: run_fts5(binaries['fts5'], files, work),
        'sphinx': lambda files, work: run_sphinx(binaries['sphinx'], files, work),
    }
    results = {}
    print(f'| corpus | MB | tool | wall s | MB/s | peak RSS MB | index MB |')
    print(f'|---|---|---|---|---|---|---|', flush=True)
    for corpus in corpora:
        files = corpus_files(corpus)
        mb = sum(os.path.getsize(f) for f in files) / 1e6
        work = os.path.join(a.work, 'run')
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        for tool in TOOLS:
            if tool not in binaries:
                continue
            wall, rss, size = runners[tool](files, work)
            results[(corpus, tool)] = (mb, wall, rss, size)
            print(f'| {os.path.basename(corpus)} | {mb:.1f} | {tool} | {wall:.1f} | {mb / wall:.1f} | '
                  f'{rss / 1e6:.0f} | {size / 1e6:.1f} |', flush=True)
        shutil.rmtree(work, ignore_errors=True)

    # Ratios: minutes-index against each other tool, and each tool's throughput as the corpus grows.
    print()
    for corpus in corpora:
        ours = results.get((corpus, 'minutes-index'))
        if not ours:
            continue
        parts = []
        for tool in ('scriptindex', 'sphinx', 'fts5'):
            other = results.get((corpus, tool))
            if other:
                parts.append(f'{ours[0] / ours[1] / (other[0] / other[1]):.2f}x {tool} throughput')
        fts = results.get((corpus, 'fts5'))
        if fts:
            parts.append(f'index {ours[3] / fts[3]:.2f}x FTS5 size')
        print(f'{os.path.basename(corpus)}: minutes-index ' + ', '.join(parts))
    if len(corpora) > 1:
        for tool in TOOLS:
            first = results.get((corpora[0], tool))
            last = results.get((corpora[-1], tool))
            if first and last:
                print(f'{tool}: throughput at {last[0]:.0f} MB is {(last[0] / last[1]) / (first[0] / first[1]) * 100:.0f}% '
                      f'of that at {first[0]:.0f} MB')


if __name__ == '__main__':
    main()
