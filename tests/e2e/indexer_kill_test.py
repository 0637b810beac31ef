#!/usr/bin/env python3
"""kill -9 test of minutes-index: a killed indexer leaves a database that opens, passes xapian-check and holds
exactly the batches committed before the kill; indexing again completes it.

usage: indexer_kill_test.py MINUTES_INDEX CORPUS_DIR
"""
import json, os, shutil, signal, subprocess, sys, tempfile, time

def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)

def stats(exe, db):
    r = run([exe, 'stats', '--db', db, '--json'])
    if r.returncode not in (0, 1):
        sys.exit(f'FAIL: stats on {db} exited {r.returncode}: {r.stderr}')
    return json.loads(r.stdout)

def check_sound(exe, db, what):
    r = run(['xapian-check', db])
    if r.returncode != 0:
        sys.exit(f'FAIL: xapian-check {what}: {r.stdout[-2000:]} {r.stderr}')
    s = stats(exe, db)
    if s['problems']:
        sys.exit(f'FAIL: {what}: documents and source records disagree: {s["problems"][:5]}')
    return s

def main():
    exe, source = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix='minutes-kill-')
    try:
        # The corpus without its PDFs: PDF extraction runs under wall-clock and CPU limits, so on a loaded
        # machine (or under sanitizers) a PDF may fail in one run and not in another, which is not what
        # this test is about.
        corpus = os.path.join(work, 'corpus')
        for root, _, names in os.walk(source):
            for n in names:
                if n.lower().endswith(('.txt', '.md', '.html')):
                    dest = os.path.join(corpus, os.path.relpath(root, source))
                    os.makedirs(dest, exist_ok=True)
                    shutil.copy(os.path.join(root, n), dest)
        db = os.path.join(work, 'db')
        # Small batches so that a kill lands between commits as well as inside one.
        add = [exe, 'add', '--db', db, '--batch-documents', '15', '--threads', '2', corpus]
        killed_mid_way = 0
        for delay in (0.15, 0.4, 0.7, 1.0, 1.5):
            p = subprocess.Popen(add, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            finished = p.poll() is not None
            if not finished:
                os.kill(p.pid, signal.SIGKILL)
            p.wait()
            if not os.path.isdir(db):
                continue
            s = check_sound(exe, db, f'after kill at {delay}s')
            if finished:
                continue
            killed_mid_way += 1
            # Exactly the committed batches: a fresh index of the files recorded as indexed holds the same
            # documents, meetings, items and passages.
            listed = os.path.join(work, 'listed.txt')
            r = run([exe, 'stats', '--db', db, '--json'])
            fresh = os.path.join(work, f'fresh-{delay}')
            sources = json.loads(r.stdout)['sources']
            # The recorded paths come from the database's metadata, read with xapian-metadata.
            m = run(['xapian-metadata', 'list', db, 'minutes.source.'])
            paths = []
            for key in m.stdout.split():
                v = run(['xapian-metadata', 'get', db, key]).stdout.rstrip('\n')
                paths.append(v.rsplit('\t', 1)[-1])  # the record's last field (a path holds no tab)
            if len(paths) != sources:
                sys.exit(f'FAIL: {len(paths)} source records listed, stats says {sources}')
            with open(listed, 'w') as f:
                f.write('\n'.join(paths) + '\n')
            if paths:
                r = run([exe, 'add', '--db', fresh, '--files-from', listed])
                if r.returncode not in (0, 1):
                    sys.exit(f'FAIL: fresh index exited {r.returncode}: {r.stderr}')
                f = stats(exe, fresh)
                for key in ('documents', 'meetings', 'items', 'passages', 'sources'):
                    if f[key] != s[key]:
                        sys.exit(f'FAIL: after kill at {delay}s the index holds {key}={s[key]}, '
                                 f'a fresh index of its committed files {f[key]}')
            print(f'kill at {delay}s: {s["sources"]} files, {s["documents"]} documents committed; sound')
        if killed_mid_way == 0:
            sys.exit('FAIL: the indexer always finished before the kill; the test proved nothing')
        # Resume: the rest is indexed, and the result equals an uninterrupted run.
        r = run(add)
        if r.returncode not in (0, 1):
            sys.exit(f'FAIL: resumed add exited {r.returncode}: {r.stderr}')
        resumed = check_sound(exe, db, 'after resuming')
        clean = os.path.join(work, 'clean')
        r = run([exe, 'add', '--db', clean, corpus])
        whole = check_sound(exe, clean, 'uninterrupted run')
        for key in ('documents', 'meetings', 'items', 'passages', 'sources'):
            if resumed[key] != whole[key]:
                sys.exit(f'FAIL: resumed index has {key}={resumed[key]}, an uninterrupted run {whole[key]}')
        print(f'killed {killed_mid_way} times, resumed: {resumed["documents"]} documents, same as an uninterrupted run')
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == '__main__':
    main()
