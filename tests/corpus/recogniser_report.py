#!/usr/bin/env python3
"""Corpus report for the recogniser: runs `minutes-index inspect` over every minutes document in a
corpus directory and prints, per source and format, the share of documents with a date, a committee,
at least one item and at least one attendee, and the slowest document. For Denver RTD, the date and
start time are checked against each meeting's metadata.json (the portal's own record), and the titles
of minutes.txt's numbered items against the outline of details.md (the portal's page of the same
minutes: "## X. General Manager's Report").

usage: recogniser_report.py MINUTES_INDEX CORPUS_DIR [--check]
  --check  exit 1 when a document crashes the program or hangs (for ctest); slow documents are only reported.
"""
import json
import os
import re
import subprocess
import sys
import time
from collections import defaultdict

EXTENSIONS = {".md", ".txt", ".html", ".htm", ".pdf"}
SKIP_NAMES = {"README.md", "SOURCES.md"}


def documents(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name in SKIP_NAMES or os.path.splitext(name)[1].lower() not in EXTENSIONS:
                continue
            yield os.path.join(dirpath, name)


def inspect(binary, path):
    start = time.monotonic()
    proc = subprocess.run([binary, "inspect", "--compact", path], capture_output=True, timeout=60)
    elapsed = (time.monotonic() - start) * 1000.0
    doc = None
    if proc.returncode == 0:
        doc = json.loads(proc.stdout.decode("utf-8"))
    return proc.returncode, doc, elapsed, proc.stderr.decode("utf-8", "replace").strip()


def outline_titles(details_path):
    """Numeral -> title of the top-level entries of a Denver details.md ("## IV. Retiree Awards")."""
    titles = {}
    with open(details_path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^## ([IVXL]+)\. (.*)$", line.strip())
            if m:
                titles[m.group(1)] = m.group(2)
    return titles


def folded(text):
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary, root = args
    if not os.path.isdir(root):
        print(f"recogniser_report: {root}: no such corpus directory (skipped)")
        return 0
    rows = defaultdict(lambda: {"docs": 0, "date": 0, "committee": 0, "items": 0, "attendees": 0,
                                "errors": 0, "slowest": 0.0, "slowest_doc": ""})
    problems = []  # crashes and hangs: these fail --check
    slow = []      # reported only: speed is measured, never asserted (bench/ owns timing)
    denver = defaultdict(lambda: {"docs": 0, "date_ok": 0, "no_date": 0, "time_ok": 0, "wrong": []})
    outline = {"items": 0, "same": 0, "other": []}  # Denver minutes.txt items against details.md
    for path in documents(root):
        rel = os.path.relpath(path, root)
        source = rel.split(os.sep)[0]
        fmt = os.path.splitext(path)[1].lower().lstrip(".")
        try:
            code, doc, ms, err = inspect(binary, path)
        except subprocess.TimeoutExpired:
            problems.append(f"{rel}: hang (over 60 s)")
            continue
        row = rows[(source, fmt)]
        row["docs"] += 1
        if ms > row["slowest"]:
            row["slowest"], row["slowest_doc"] = ms, rel
        if ms > 1000:
            slow.append(f"{rel}: {ms:.0f} ms, over 1 s (wall clock, including process start)")
        if code != 0 or doc is None:
            row["errors"] += 1
            if code not in (0, 1):
                problems.append(f"{rel}: exit {code}: {err[:200]}")
            continue
        row["date"] += bool(doc["date"])
        row["committee"] += bool(doc["committee"])
        row["items"] += bool(doc["items"])
        row["attendees"] += bool(doc["attendees"])
        if source == "denver-rtd":
            meta_path = os.path.join(os.path.dirname(path), "metadata.json")
            if os.path.exists(meta_path):
                with open(meta_path, encoding="utf-8") as f:
                    meta = json.load(f)
                d = denver[fmt]
                d["docs"] += 1
                if doc["date"] == meta["date"][:10]:
                    d["date_ok"] += 1
                elif doc["date"] is None:
                    d["no_date"] += 1
                else:
                    d["wrong"].append(f"{rel}: {doc['date']} (metadata {meta['date'][:10]})")
                if doc["start_time"] == meta["date"][11:16]:
                    d["time_ok"] += 1
            details = os.path.join(os.path.dirname(path), "details.md")
            if fmt == "txt" and os.path.exists(details):
                truth = outline_titles(details)
                for item in doc["items"]:
                    if item["number"] in truth:
                        outline["items"] += 1
                        if folded(item["title"]) == folded(truth[item["number"]]):
                            outline["same"] += 1
                        else:
                            outline["other"].append(f"{rel} {item['number']}: {item['title'][:60]!r} "
                                                    f"(details.md {truth[item['number']][:60]!r})")

    def pct(n, d):
        return f"{100.0 * n / d:5.1f}%" if d else "   - "

    print(f"{'source':<22} {'fmt':<5} {'docs':>4} {'read err':>8} {'date':>6} {'committee':>9} {'items':>6} "
          f"{'attend':>6} {'slowest ms':>10}  slowest document")
    for (source, fmt), row in sorted(rows.items()):
        ok = row["docs"] - row["errors"]
        print(f"{source:<22} {fmt:<5} {row['docs']:>4} {row['errors']:>8} {pct(row['date'], ok):>6} "
              f"{pct(row['committee'], ok):>9} {pct(row['items'], ok):>6} {pct(row['attendees'], ok):>6} "
              f"{row['slowest']:>10.0f}  {row['slowest_doc']}")
    for fmt, d in sorted(denver.items()):
        print(f"\nDenver RTD {fmt} against metadata.json: date correct {d['date_ok']}/{d['docs']} "
              f"({pct(d['date_ok'], d['docs']).strip()}), no date {d['no_date']}, wrong date {len(d['wrong'])}; "
              f"start time correct {d['time_ok']}/{d['docs']}")
        for w in d["wrong"]:
            print(f"  wrong date: {w}")
    if outline["items"]:
        print(f"\nDenver RTD minutes.txt items titled as details.md titles them: {outline['same']}/{outline['items']} "
              f"({pct(outline['same'], outline['items']).strip()})")
        for o in outline["other"]:
            print(f"  other title: {o}")
    for s in slow:
        print(f"SLOW: {s}")
    for p in problems:
        print(f"PROBLEM: {p}")
    return 1 if (check and problems) else 0


if __name__ == "__main__":
    sys.exit(main())
