#!/usr/bin/env python3
"""End to end: minutes-index add on the project's sample corpus (corpora/), the printed summary, stats,
idempotent re-run, remove, prune, and the exit codes (0 all indexed, 1 some failed, 2 usage).

usage: indexer_corpus_test.py MINUTES_INDEX CORPUS_DIR
"""
import json, os, shutil, subprocess, sys, tempfile

def run(args):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

def fail(msg):
    sys.exit('FAIL: ' + msg)

def main():
    exe, corpus = sys.argv[1], os.path.abspath(sys.argv[2])
    work = tempfile.mkdtemp(prefix='minutes-e2e-')
    try:
        db = os.path.join(work, 'db')
        # Files the walk should read: every file with a minutes extension, except corpus documentation.
        readable, ignored = 0, 0
        for root, dirs, files in os.walk(corpus):
            dirs[:] = [d for d in dirs if not d.startswith('.')]
            for f in files:
                if f.startswith('.'):
                    continue
                if f in ('README.md', 'SOURCES.md', 'LICENSE', 'LICENSE.md', 'MANIFEST.tsv'):
                    ignored += 1
                elif os.path.splitext(f)[1].lower() in ('.txt', '.md', '.html', '.htm', '.pdf'):
                    readable += 1
        r = run([exe, 'add', '--db', db, '--json', corpus])
        if r.returncode != 0:
            fail(f'add exited {r.returncode}: {r.stderr} {r.stdout[-3000:]}')
        report = json.loads(r.stdout)
        decided = {f['path']: f for f in report['files']}
        read = [f for f in report['files'] if f.get('reason') != 'ignored name (corpus documentation)'
                and not f.get('reason', '').startswith('unsupported file type')]
        if len(read) != readable:
            fail(f'{len(read)} files read, {readable} expected')
        if report['added'] + report['skipped'] + report['failed'] != len(report['files']):
            fail('counts do not add up to the files reported')
        if report['added'] < readable * 0.9:
            fail(f'only {report["added"]} of {readable} files added')
        for f in report['files']:
            if f['outcome'] == 'skipped' and not f.get('reason'):
                fail(f'{f["path"]} skipped without a reason')
        if os.path.join(corpus, 'worcestershire', 'children-families-panel-minutes.md') not in decided:
            fail('the Worcestershire minutes are missing from the report')

        s = json.loads(run([exe, 'stats', '--db', db, '--json']).stdout)
        if s['problems']:
            fail(f'stats problems: {s["problems"][:5]}')
        if s['sources'] != report['added'] + sum(1 for f in report['files'] if 'same meeting as' in f.get('reason', '')):
            fail(f'{s["sources"]} sources recorded for {report["added"]} files added')
        # One meeting per file added, less those whose meeting was taken over by a fuller rendering.
        taken_over = sum(1 for f in report['files'] if f.get('reason', '').endswith('replaced by this one'))
        if s['meetings'] != report['added'] - taken_over or s['items'] > report['items_written']:
            fail(f'stats {s["meetings"]} meetings/{s["items"]} items, report {report["added"]} added, '
                 f'{taken_over} taken over, {report["items_written"]} items written')
        if s['documents'] != s['meetings'] + s['items']:
            fail('documents are not meetings + items')
        if 'Worcestershire County Council' not in s['per_council'] and '(unknown)' not in s['per_council']:
            fail(f'per-council counts miss Worcestershire: {list(s["per_council"])[:10]}')

        # The human summary: counts line and per-format lines.
        r = run([exe, 'add', '--db', db, corpus])
        if r.returncode != 0 or not r.stdout.startswith(f'minutes-index: {db}: added 0, replaced 0, unchanged {report["added"] + sum(1 for f in report["files"] if "same meeting as" in f.get("reason", ""))},'):
            fail(f'second run: exit {r.returncode}, summary {r.stdout[:300]!r}')
        if '  per format:' not in r.stdout:
            fail('summary has no per-format section')
        s2 = json.loads(run([exe, 'stats', '--db', db, '--json']).stdout)
        if s2['documents'] != s['documents']:
            fail('second run changed the document count')

        # remove a directory, then prune a deleted file (copied in first, so the corpus stays untouched).
        r = run([exe, 'remove', '--db', db, '--json', os.path.join(corpus, 'worcestershire')])
        if r.returncode != 0 or json.loads(r.stdout)['removed'] != 1:
            fail(f'remove: exit {r.returncode} {r.stdout[:300]}')
        extra = os.path.join(work, 'extra.md')
        shutil.copy(os.path.join(corpus, 'worcestershire', 'children-families-panel-minutes.md'), extra)
        if run([exe, 'add', '--db', db, extra]).returncode != 0:
            fail('add of a copied file failed')
        os.remove(extra)
        r = run([exe, 'add', '--db', db, '--prune', '--json', os.path.join(corpus, 'govan-cc')])
        if r.returncode != 0 or json.loads(r.stdout)['removed'] != 1:
            fail(f'prune: exit {r.returncode} {r.stdout[:300]}')
        s3 = json.loads(run([exe, 'stats', '--db', db, '--json']).stdout)
        if s3['problems'] or s3['sources'] != s['sources'] - 1:
            fail(f'after remove and prune: {s3["sources"]} sources, problems {s3["problems"][:3]}')

        # Exit codes: 1 when a file failed (the rest indexed), 2 for usage errors.
        bad = os.path.join(work, 'bad.pdf')
        with open(bad, 'w') as f:
            f.write('not a pdf')
        r = run([exe, 'add', '--db', db, bad, os.path.join(corpus, 'worcestershire')])
        if r.returncode != 1 or 'failed 1' not in r.stdout or 'bad.pdf' not in r.stdout:
            fail(f'a failing file: exit {r.returncode}, {r.stdout[:500]!r}')
        for args in (['add', corpus], ['add', '--db', db, '--batch-documents', '0', corpus], ['frobnicate'], ['add', '--db', db]):
            r = run([exe] + args)
            if r.returncode != 2:
                fail(f'usage error {args} exited {r.returncode}')
        print(f'indexed {report["added"]} files ({s["meetings"]} meetings, {s["items"]} items, {s["passages"]} passages)')
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == '__main__':
    main()
