#!/usr/bin/env python3
"""Lock test of minutes-index: while one indexer holds a database, a second gets a clear error naming the
database (exit code 3), readers still work, and the first finishes normally.

usage: indexer_lock_test.py MINUTES_INDEX FILE
"""
import os, shutil, subprocess, sys, tempfile, time

def main():
    exe, file = sys.argv[1], os.path.abspath(sys.argv[2])
    work = tempfile.mkdtemp(prefix='minutes-lock-')
    try:
        db = os.path.join(work, 'db')
        # The first indexer opens (and locks) the database, then waits for its file list on stdin.
        first = subprocess.Popen([exe, 'add', '--db', db, '--files-from', '-'], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 20
        while not os.path.exists(os.path.join(db, 'iamglass')):
            if time.time() > deadline or first.poll() is not None:
                sys.exit('FAIL: the first indexer did not create the database')
            time.sleep(0.05)
        second = subprocess.run([exe, 'add', '--db', db, file], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        expected = f'minutes-index: database {db} is locked by another indexer\n'
        if second.returncode != 3 or second.stderr != expected:
            sys.exit(f'FAIL: second writer exited {second.returncode} with {second.stderr!r}, expected 3 and {expected!r}')
        remove = subprocess.run([exe, 'remove', '--db', db, file], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if remove.returncode != 3 or 'is locked by another indexer' not in remove.stderr:
            sys.exit(f'FAIL: remove while locked exited {remove.returncode} with {remove.stderr!r}')
        stats = subprocess.run([exe, 'stats', '--db', db], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if stats.returncode != 0:
            sys.exit(f'FAIL: stats while locked exited {stats.returncode}: {stats.stderr}')
        out, err = first.communicate(file + '\n', timeout=60)
        if first.returncode != 0 or 'added 1,' not in out:
            sys.exit(f'FAIL: first indexer exited {first.returncode}: {out} {err}')
        # The lock is released with the first indexer: the second can write now.
        again = subprocess.run([exe, 'add', '--db', db, file], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if again.returncode != 0 or 'unchanged 1,' not in again.stdout:
            sys.exit(f'FAIL: after the first finished, add exited {again.returncode}: {again.stdout} {again.stderr}')
        print('second writer refused with the database named; readers unaffected; lock released on exit')
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == '__main__':
    main()
