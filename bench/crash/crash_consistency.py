#!/usr/bin/env python3
"""Crash consistency of minutes-index at scale: kill -9 the indexer at random moments, resume, and check
after every kill that the database opens, passes xapian-check and holds exactly the committed files; at
the end compare it with a database built without interruption from the same corpus.

Steps:
  1. Grows a corpus with ../shared/tools/grow-corpus (--mb, default 300), cached in WORK/corpus-<mb>mb.
  2. Copies the indexer binary into WORK (a rebuild by someone else mid-run cannot mix two versions) and
     builds the reference database once without interruption, timed (cached in WORK/reference-<mb>mb,
     keyed by the binary's SHA-256 and the corpus size; --fresh-reference rebuilds it).
  3. Runs `minutes-index add --db DB CORPUS` and kills it with SIGKILL after a random delay, --kills times,
     resuming each time with the same command. Delay k is u_k * W_k, u_k uniform in [0, 1) from --seed,
     W_k = 1.6 * (sources still to commit) / (rate * (kills left + 1)), rate the sources committed per second
     of indexer run time so far (at first the reference's): the kills spread over the whole build, from
     before the first commit to the last batches, however slow the restarts and the machine are. The
     seed fixes the u_k; the delays also depend on the measured rate.
  4. After every kill: `minutes-index stats` opens the database and reports no problem (every item has its
     source record, every record's item and passage counts match the documents); `xapian-check` passes;
     the recorded sources are exactly a prefix of the reference's sorted source list (the indexer commits
     files in path order) and never fewer than after the previous kill (nothing committed is lost); every
     source-file term (XF...) in the documents belongs to a recorded source; for each source whose
     meeting has no other rendering, its document count (termfreq of XF<id>) equals the reference's;
     documents = items + meetings.
  5. A last uninterrupted resume, then the final database must equal the reference: same `stats` (documents,
     items, meetings, passages, sources and every per-council/committee/year count), the same source
     records byte for byte, the same number of distinct terms and total length, and for every term the same
     termfreq and collection frequency (`xapian-delve -a -1 -vv`, compared line by line except the wdf
     upper bound, which Xapian may store loosely).

Prints one line per kill and a summary; exit status 1 on any violation, 2 on a setup error.

usage: bench/crash/crash_consistency.py [--mb 300] [--kills 50] [--seed 1] [--build build]
                                        [--work var/crash] [--threads 0] [--fresh-reference]
quick: bench/crash/crash_consistency.py --mb 20 --kills 5
"""
import argparse, hashlib, json, os, random, shutil, signal, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SOURCE_KEY_PREFIX = "minutes.source."  # index_store.h kSourceKeyPrefix
SOURCE_TERM_PREFIX = "XF"  # schema.h prefix_of("source")


def die(message):
    print("crash_consistency: " + message, file=sys.stderr)
    sys.exit(2)


def run(cmd, check=True):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check and p.returncode != 0:
        die(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr.decode(errors='replace')[:500]}")
    return p


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def grow_corpus(work, mb, source):
    dest = os.path.join(work, f"corpus-{mb:g}mb")
    if os.path.isdir(dest):
        return dest
    tmp = dest + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"growing a {mb:g} MB corpus from {source} into {dest} ...", flush=True)
    run([os.path.join(ROOT, "..", "shared", "tools", "grow-corpus"), source, tmp, "--mb", str(mb)])
    os.rename(tmp, dest)
    return dest


# --- reading a database through the command-line tools (no Python bindings needed) ---

def stats(indexer, db):
    p = run([indexer, "stats", "--db", db, "--json"], check=False)
    if p.returncode != 0:
        return None, p.stderr.decode(errors="replace").strip()
    return json.loads(p.stdout), ""


def record_ids(db):
    out = run(["xapian-metadata", "list", db, SOURCE_KEY_PREFIX]).stdout.decode("utf-8", "surrogateescape")
    return {line[len(SOURCE_KEY_PREFIX):] for line in out.splitlines() if line.startswith(SOURCE_KEY_PREFIX)}


def records(db, ids):
    """id -> raw record value (index_store.cpp encode_record: version, checksum, size, mtime, format,
    meeting id, items, passages, sketch, date (version 2), path; tab-separated)."""
    out = {}
    for i in sorted(ids):
        value = run(["xapian-metadata", "get", db, SOURCE_KEY_PREFIX + i]).stdout.decode("utf-8", "surrogateescape")
        out[i] = value.rstrip("\n")
    return out


def parse_record(value):
    f = value.split("\t", 10 if value.startswith("2\t") else 9)
    return {"checksum": f[1], "size": int(f[2]), "mtime": int(f[3]), "format": f[4], "meeting_id": f[5],
            "items": int(f[6]), "passages": int(f[7]), "path": f[-1]}


def source_term_freqs(db):
    """XF<source id> -> termfreq: how many documents (items and meetings) carry each source file."""
    out = run(["xapian-delve", "-A", SOURCE_TERM_PREFIX, "-1", "-v", db]).stdout.decode("utf-8", "surrogateescape")
    freqs = {}
    for line in out.splitlines()[1:]:
        term, _, freq = line.rpartition(" ")
        if term.startswith(SOURCE_TERM_PREFIX):
            freqs[term[len(SOURCE_TERM_PREFIX):]] = int(freq)
    return freqs


def database_summary(db):
    out = run(["xapian-delve", "-v", db]).stdout.decode("utf-8", "surrogateescape")
    fields = dict(line.split(" = ", 1) for line in out.splitlines() if " = " in line)
    return {k: fields.get(k) for k in ("number of documents", "average document length",
                                       "document length lower bound", "document length upper bound",
                                       "has positional information", "number of distinct terms")}


def term_statistics(db, dest):
    """Writes 'term termfreq collfreq' per term, in Xapian's term order, to dest; returns (terms, sha256)."""
    h, n = hashlib.sha256(), 0
    with open(dest, "wb") as f:
        p = subprocess.Popen(["xapian-delve", "-a", "-1", "-vv", db], stdout=subprocess.PIPE)
        next(p.stdout)  # heading line
        for line in p.stdout:
            term_freqs = line.rstrip(b"\n").rsplit(b" ", 1)[0]  # drop the wdf upper bound
            f.write(term_freqs + b"\n")
            h.update(term_freqs + b"\n")
            n += 1
        if p.wait() != 0:
            die("xapian-delve -a failed on " + db)
    return n, h.hexdigest()


def xapian_check(db):
    p = run(["xapian-check", db], check=False)
    return p.returncode == 0, (p.stdout + p.stderr).decode(errors="replace").strip().splitlines()[-1:]


# --- the reference ---

def build_reference(indexer, corpus, work, mb, binary_hash, fresh, threads):
    ref = os.path.join(work, f"reference-{mb:g}mb")
    stamp_path = os.path.join(ref, "stamp.json")
    stamp = {"binary_sha256": binary_hash, "corpus": os.path.abspath(corpus), "threads": threads}
    if not fresh and os.path.exists(stamp_path):
        with open(stamp_path) as f:
            saved = json.load(f)
        if all(saved.get(k) == v for k, v in stamp.items()):
            print(f"reference: reusing {ref} (built in {saved['seconds']:.0f} s by this binary)", flush=True)
            return ref, saved
    shutil.rmtree(ref, ignore_errors=True)
    os.makedirs(ref)
    db = os.path.join(ref, "db")
    print(f"reference: indexing {corpus} without interruption ...", flush=True)
    start = time.monotonic()
    p = run([indexer, "add", "--db", db, "--threads", str(threads), "--json", corpus], check=False)
    seconds = time.monotonic() - start
    if p.returncode not in (0, 1):
        die(f"reference build exited {p.returncode}: {p.stderr.decode(errors='replace')[:500]}")
    report = json.loads(p.stdout)
    ids = record_ids(db)
    recs = records(db, ids)
    with open(os.path.join(ref, "records.json"), "w") as f:
        json.dump(recs, f)
    stamp.update({"seconds": seconds, "exit": p.returncode, "added": report.get("added"),
                  "failed": report.get("failed"), "skipped": report.get("skipped"), "commits": report.get("commits")})
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    print(f"reference: {len(ids)} sources recorded in {seconds:.0f} s (exit {p.returncode}, "
          f"{report.get('commits')} commits)", flush=True)
    return ref, stamp


def compaction_kills(indexer, corpus, work, kills, mb, rng, threads):
    """Kills during the compaction that ends a bulk build (only a build into an empty database compacts,
    so the resumed runs above never do): on a subset of the corpus, one clean build times the compaction,
    then each kill lands at a random moment inside it. After each: whatever directories are left, the next
    `add` must finish or undo the swap, and the result must equal the clean build. Returns violations."""
    base = os.path.join(work, "compaction")
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    files, total = [], 0
    for root, _, names in sorted(os.walk(corpus)):
        for n in sorted(names):
            if total >= mb * 1048576:
                break
            path = os.path.join(root, n)
            files.append(path)
            total += os.path.getsize(path)
    listing = os.path.join(base, "files.txt")
    with open(listing, "w") as f:
        f.write("\n".join(files) + "\n")

    def build(db, kill_after=None):
        """Runs a bulk build; returns (exit, compaction seconds observed, killed)."""
        p = subprocess.Popen([indexer, "add", "--db", db, "--threads", str(threads), "--files-from", listing],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        seen = None
        while p.poll() is None:
            if seen is None and os.path.isdir(db + ".compacting"):
                seen = time.monotonic()
                if kill_after is not None:
                    time.sleep(kill_after)
                    if p.poll() is None:
                        os.kill(p.pid, signal.SIGKILL)
                        p.wait()
                        return "killed", None, True
            time.sleep(0.005)
        return p.returncode, (time.monotonic() - seen) if seen else None, False

    clean = os.path.join(base, "clean")
    code, seconds, _ = build(clean)
    violations = []
    if seconds is None:
        return [f"compaction: no compaction seen in a clean build of {len(files)} files ({code})"]
    clean_stats, _ = stats(indexer, clean)
    _, clean_terms = term_statistics(clean, os.path.join(base, "clean-terms.txt"))
    print(f"\ncompaction kills: {len(files)} files ({total / 1048576:.1f} MB); the clean build compacted in "
          f"{seconds:.2f} s; {kills} kills inside that window")
    print(f"{'kill':>4} {'delay s':>8}  left behind after the kill                  after resume")
    for k in range(1, kills + 1):
        db = os.path.join(base, f"db{k}")
        delay = rng.random() * seconds
        code, _, killed = build(db, kill_after=delay)
        left = [name for name in ("", ".compacting", ".previous") if os.path.isdir(db + name)]
        state = "db" + ", db".join(left) if left else "nothing"
        problems = []
        if not killed:
            state = f"finished first (exit {code})"
        if os.path.isdir(db):
            st, err = stats(indexer, db)
            if st is None or st["problems"] or st["documents"] != clean_stats["documents"]:
                problems.append(f"before resume: {err or (st['problems'][:2] or st['documents'])}")
        resumed = run([indexer, "add", "--db", db, "--threads", str(threads), "--files-from", listing], check=False)
        st, err = stats(indexer, db)
        ok, check_out = xapian_check(db)
        if not ok:
            problems.append("xapian-check: " + " ".join(check_out))
        if st is None:
            problems.append("stats: " + err)
        else:
            for key in ("documents", "items", "meetings", "passages", "sources"):
                if st[key] != clean_stats[key]:
                    problems.append(f"{key} {st[key]} against {clean_stats[key]}")
            if st["problems"]:
                problems.append(f"stats: {st['problems'][0]}")
        _, terms = term_statistics(db, os.path.join(base, f"db{k}-terms.txt"))
        if terms != clean_terms:
            problems.append("term statistics differ from the clean build")
        leftovers = [name for name in (".compacting", ".previous") if os.path.isdir(db + name)]
        if leftovers:
            problems.append(f"left behind after resume: {leftovers}")
        print(f"{k:>4} {delay:>8.2f}  {state:<42} exit {resumed.returncode}, "
              f"{'same as the clean build' if not problems else '; '.join(problems)}", flush=True)
        violations += [f"compaction kill {k}: {p}" for p in problems]
        shutil.rmtree(db, ignore_errors=True)
    return violations


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=300, help="corpus size for grow-corpus (MB)")
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1, help="seed of the kill moments")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--work", default=os.path.join(ROOT, "var", "crash"))
    parser.add_argument("--source", default=os.path.join(ROOT, "..", "shared", "corpora"),
                        help="corpus grow-corpus copies from")
    parser.add_argument("--threads", type=int, default=0, help="indexer worker threads (0: its default)")
    parser.add_argument("--fresh-reference", action="store_true", help="rebuild the reference database")
    parser.add_argument("--compaction-kills", type=int, default=5,
                        help="kills inside the compaction that ends a bulk build (on a subset of the corpus)")
    parser.add_argument("--compaction-mb", type=float, default=8, help="size of that subset (MB)")
    args = parser.parse_args()
    for tool in ("xapian-check", "xapian-delve", "xapian-metadata"):
        if shutil.which(tool) is None:
            die(f"{tool} not found (Debian package xapian-tools, in scripts/install-deps)")
    built = os.path.join(args.build, "indexer", "minutes-index")
    if not os.path.exists(built):
        die(f"{built} not found: build first (scripts/build or cmake --build)")
    os.makedirs(args.work, exist_ok=True)
    indexer = os.path.join(args.work, f"minutes-index-{args.mb:g}mb")  # one copy per corpus size: runs of two sizes can overlap
    shutil.copy2(built, indexer + ".tmp")
    os.replace(indexer + ".tmp", indexer)
    binary_hash = sha256(indexer)

    corpus = grow_corpus(args.work, args.mb, args.source)
    ref, ref_stamp = build_reference(indexer, corpus, args.work, args.mb, binary_hash, args.fresh_reference,
                                     args.threads)
    ref_db = os.path.join(ref, "db")
    with open(os.path.join(ref, "records.json")) as f:
        ref_records = json.load(f)
    ref_parsed = {i: parse_record(v) for i, v in ref_records.items()}
    order = sorted(ref_parsed, key=lambda i: ref_parsed[i]["path"].encode("utf-8", "surrogateescape"))
    position = {i: n for n, i in enumerate(order)}
    per_meeting = {}
    for i, r in ref_parsed.items():
        per_meeting.setdefault(r["meeting_id"], []).append(i)
    single = {i for i, r in ref_parsed.items() if len(per_meeting[r["meeting_id"]]) == 1}
    ref_freqs = source_term_freqs(ref_db)
    ref_stats, err = stats(indexer, ref_db)
    if ref_stats is None or ref_stats["problems"]:
        die(f"the reference database is not sound: {err or ref_stats['problems'][:3]}")
    print(f"reference: {ref_stats['documents']} documents ({ref_stats['items']} items, {ref_stats['meetings']} "
          f"meetings), {len(order)} sources, {len(single)} of them alone in their meeting", flush=True)

    run_dir = os.path.join(args.work, f"run-{args.mb:g}mb-seed{args.seed}")
    shutil.rmtree(run_dir, ignore_errors=True)
    os.makedirs(run_dir)
    db = os.path.join(run_dir, "db")
    command = [indexer, "add", "--db", db, "--threads", str(args.threads), corpus]
    rng = random.Random(args.seed)
    # Prior for the commit rate: the reference's, worth 30 s of observation.
    prior_seconds = 30.0
    prior_sources = len(order) / max(ref_stamp["seconds"], 1.0) * prior_seconds
    ran_seconds = 0.0
    violations, rows = [], []
    previous_prefix = -1
    kills = completed_early = check_seconds = 0
    print(f"\nkilling `minutes-index add` {args.kills} times at random moments spread over the build (seed {args.seed})")
    print(f"{'kill':>4} {'window s':>8} {'delay s':>8} {'sources':>8} {'prefix':>7} {'docs':>8} {'items':>8} {'xapian-check':>12}  problems")
    for k in range(1, args.kills + 1):
        rate = (prior_sources + previous_prefix + 1) / (prior_seconds + ran_seconds)
        # kills left + 1: the last window stays short of the whole remainder, so that the indexer rarely
        # finishes before the last kill (with kills left alone, 6 of 50 kills were lost that way).
        window = 1.6 * max(len(order) - (previous_prefix + 1), 1) / (rate * (args.kills - k + 2))
        delay = rng.random() * window
        ran_seconds += delay
        p = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        if p.poll() is not None:
            completed_early += 1
            print(f"{k:>4} {window:>8.1f} {delay:>8.2f}  the indexer finished (exit {p.returncode}) before the kill: no more kills")
            break
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        kills += 1
        t0 = time.monotonic()
        problems = []
        if not os.path.isdir(db):
            # Killed between the two renames of a compaction swap: the next open finishes or undoes it.
            left = [s for s in (".compacting", ".previous") if os.path.isdir(db + s)]
            problems.append(f"database directory missing (left: {left}); recovered by the next open")
            rows.append((k, delay, None))
            print(f"{k:>4} {window:>8.1f} {delay:>8.2f}  {problems[0]}")
            if not left:
                violations.append(f"kill {k}: database directory and its compaction copies are gone")
            continue
        st, err = stats(indexer, db)
        if st is None:
            problems.append("stats failed: " + err)
        elif st["problems"]:
            problems += ["stats: " + s for s in st["problems"][:5]]
        ok, check_out = xapian_check(db)
        if not ok:
            problems.append("xapian-check: " + " ".join(check_out))
        ids = record_ids(db)
        unknown = ids - set(ref_parsed)
        if unknown:
            problems.append(f"{len(unknown)} recorded sources the reference does not have, e.g. {sorted(unknown)[0]}")
        prefix = max((position[i] for i in ids if i in position), default=-1)
        missing = [order[n] for n in range(prefix + 1) if order[n] not in ids]
        if missing:
            problems.append(f"not a prefix: {len(missing)} sources before the last recorded one are missing, "
                            f"e.g. {ref_parsed[missing[0]]['path']}")
        if prefix < previous_prefix:
            problems.append(f"lost committed sources: prefix shrank from {previous_prefix + 1} to {prefix + 1}")
        previous_prefix = max(prefix, previous_prefix)
        freqs = source_term_freqs(db)
        strays = set(freqs) - ids
        if strays:
            problems.append(f"{len(strays)} source terms in documents without a source record")
        wrong = [i for i in ids & single if freqs.get(i, 0) != ref_freqs.get(i, 0)]
        if wrong:
            i = wrong[0]
            problems.append(f"{len(wrong)} sources with another document count than the reference, e.g. "
                            f"{ref_parsed[i]['path']}: {freqs.get(i, 0)} against {ref_freqs.get(i, 0)}")
        if st is not None and st["documents"] != st["items"] + st["meetings"]:
            problems.append(f"{st['documents']} documents but {st['items']} items + {st['meetings']} meetings")
        check_seconds += time.monotonic() - t0
        docs = st["documents"] if st else "-"
        items = st["items"] if st else "-"
        print(f"{k:>4} {window:>8.1f} {delay:>8.2f} {len(ids):>8} {prefix + 1:>7} {docs:>8} {items:>8} "
              f"{'pass' if ok else 'FAIL':>12}  {'; '.join(problems) if problems else '-'}", flush=True)
        rows.append((k, delay, len(ids)))
        violations += [f"kill {k}: {p}" for p in problems]

    print("\nfinal resume, uninterrupted ...", flush=True)
    start = time.monotonic()
    final = run(command, check=False)
    resume_seconds = time.monotonic() - start
    if final.returncode != ref_stamp["exit"]:
        violations.append(f"final resume exited {final.returncode}, the reference build {ref_stamp['exit']}: "
                          + final.stderr.decode(errors="replace")[:300])
    st, err = stats(indexer, db)
    comparisons = []

    def compare(name, ours, theirs):
        same = ours == theirs
        comparisons.append((name, same, ours if not isinstance(ours, (dict, list)) else "", theirs if not isinstance(theirs, (dict, list)) else ""))
        if not same:
            violations.append(f"final: {name} differs from the reference")

    if st is None:
        violations.append("final: stats failed: " + err)
    else:
        if st["problems"]:
            violations.append(f"final: stats reports {len(st['problems'])} problems, e.g. {st['problems'][0]}")
        for key in ("documents", "items", "meetings", "passages", "sources"):
            compare(f"stats {key}", st[key], ref_stats[key])
        for key in ("per_council", "per_committee", "per_year"):
            compare(f"stats {key} ({len(ref_stats[key])} keys)", st[key], ref_stats[key])
    ok, check_out = xapian_check(db)
    compare("xapian-check", "pass" if ok else "FAIL: " + " ".join(check_out), "pass")
    final_records = records(db, record_ids(db))
    compare(f"source records ({len(ref_records)}, every field)", final_records, ref_records)
    ours, theirs = database_summary(db), database_summary(ref_db)
    for key in ours:
        compare(key, ours[key], theirs[key])
    n_ours, h_ours = term_statistics(db, os.path.join(run_dir, "terms.txt"))
    n_ref, h_ref = term_statistics(ref_db, os.path.join(ref, "terms.txt"))
    compare("terms listed", n_ours, n_ref)
    compare("termfreq and collection freq of every term (sha256 of the listing)", h_ours[:16], h_ref[:16])
    if h_ours != h_ref:
        with open(os.path.join(run_dir, "terms.txt"), "rb") as a, open(os.path.join(ref, "terms.txt"), "rb") as b:
            for line_a, line_b in zip(a, b):
                if line_a != line_b:
                    violations.append(f"final: first differing term line: {line_a!r} against {line_b!r}")
                    break

    print(f"final resume: {resume_seconds:.0f} s, exit {final.returncode}\n")
    print(f"{'final database against the reference':<72} {'result':>7}  final / reference")
    for name, same, a, b in comparisons:
        shown = f"{a} / {b}" if a != "" else ""
        print(f"{name:<72} {'same' if same else 'DIFFER':>7}  {shown}")
    print(f"\ncorpus {corpus}: {args.mb:g} MB, {len(order)} sources; reference build {ref_stamp['seconds']:.0f} s")
    print(f"kills: {kills} of {args.kills} asked (seed {args.seed}){'; the indexer finished early' if completed_early else ''}; "
          f"checks after each kill took {check_seconds / max(kills, 1):.1f} s on average; load average {os.getloadavg()[0]:.1f}")
    if args.compaction_kills > 0:
        violations += compaction_kills(indexer, corpus, args.work, args.compaction_kills, args.compaction_mb,
                                       random.Random(args.seed), args.threads)
    if violations:
        print(f"\nFAILED: {len(violations)} violations")
        for v in violations[:40]:
            print("  " + v)
        sys.exit(1)
    print("\nPASSED: every kill left a sound database holding a prefix of the committed files; "
          "the final database equals the reference" + ("; every compaction kill was recovered to the clean build"
                                                       if args.compaction_kills > 0 else ""))


if __name__ == "__main__":
    main()
