#!/usr/bin/env python3
"""Soak of minutes-searchd: wrk drives the benchmark queries for --minutes while an indexer adds files to
the same database and commits every few seconds; optionally (--hostile) a hostile mix on other
connections. Checks and prints a table; exit status 1 when a check fails, 2 on a setup error.

What runs:
  - the daemon over a copy of an index of --corpus (../shared/corpora; the index is built once and cached
    in WORK/base), `--quiet`, on a free loopback port, binaries copied into WORK first;
  - wrk (the HTTP benchmark's query script, bench/http/wrk_driver.py: bench/query/queries.txt, limit 10) for the whole
    duration, --connections connections, socket timeout 10 s;
  - a feeder: `minutes-index add --db DB FILE` for one new file at a time, --interval seconds apart; files
    come from a corpus grown by ../shared/tools/grow-corpus (copies 1 and up: new meetings, their years
    moved on, with made-up rare words). Before each add it picks words of the file that occur in no other
    grown file and that /search does not find yet; after the add it takes the commit time from the
    database's version file (iamglass) and polls /search for those words every 20 ms until a hit comes;
  - a sampler: VmRSS from /proc/PID/status and the entries of /proc/PID/fd, every --sample seconds;
  - with --hostile: slow clients trickling header lines, oversized request lines and headers, too many
    headers, invalid UTF-8 (raw and percent-encoded), bad percent-encoding, NUL bytes, garbage, bodies,
    each on its own connection, in a loop.

Checks: wrk saw no non-2xx answer and no socket error; every fed file became visible, within 2 s of its
commit; RSS grew less than 10% from the first minute after warm-up to the last minute; the open file
descriptors with no client connected are as many after the run as before it; the daemon stayed up and
stops cleanly on SIGTERM; with --hostile, every hostile request got a 4xx or a closed connection (no 5xx,
no hang) and the slow clients were cut off.

usage: bench/soak/soak.py [--minutes 15] [--hostile] [--build build] [--work var/soak]
                          [--corpus ../shared/corpora] [--connections 8] [--interval 3]
quick: bench/soak/soak.py --minutes 2 --hostile
"""
import argparse, atexit, json, os, random, re, shutil, signal, socket, statistics, subprocess, sys, threading, time
import urllib.error, urllib.parse, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench", "http"))
import wrk_driver  # noqa: E402  (queries(), lua_script(): the load benchmark's query script)


def die(message):
    print("soak: " + message, file=sys.stderr)
    sys.exit(2)


def log(message):
    print(time.strftime("%H:%M:%S ") + message, flush=True)


# --- setup ---

def copy_binaries(build, work):
    out = {}
    for sub, name in (("indexer", "minutes-index"), ("searchd", "minutes-searchd")):
        src = os.path.join(build, sub, name)
        if not os.path.exists(src):
            die(f"{src} not found: build first")
        dest = os.path.join(work, "bin", name)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copy2(src, dest + ".tmp")
        os.replace(dest + ".tmp", dest)
        out[name] = dest
    return out


def base_index(indexer, corpus, work):
    base = os.path.join(work, "base")
    marker = os.path.join(base, "complete")
    if os.path.exists(marker):
        return os.path.join(base, "db")
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    log(f"indexing {corpus} into {base}/db (once; cached) ...")
    p = subprocess.run([indexer, "add", "--db", os.path.join(base, "db"), corpus],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        die("indexing the base corpus failed: " + p.stderr.decode(errors="replace")[:400])
    with open(marker, "w") as f:
        f.write(str(p.returncode))
    return os.path.join(base, "db")


def feed_corpus(work, source, mb):
    dest = os.path.join(work, f"feed-{mb:g}mb")
    if not os.path.isdir(dest):
        log(f"growing the feed corpus ({mb:g} MB) ...")
        subprocess.run([os.path.join(ROOT, "..", "shared", "tools", "grow-corpus"), source, dest + ".tmp",
                        "--mb", str(mb)], check=True, stdout=subprocess.DEVNULL)
        os.rename(dest + ".tmp", dest)
    files = []
    for root, _, names in os.walk(dest):
        rel = os.path.relpath(root, dest)
        if rel.startswith("copy") and rel[:7] != "copy000":  # copy 0 repeats the base corpus
            files += [os.path.join(root, n) for n in names if n.endswith((".txt", ".md")) and n != "README.md"]
    return dest, sorted(files)


RARE = re.compile(r"\b([A-Za-z]{3,}[0-9a-f]{2,6})\b")


def unique_words(files):
    """For each file, the made-up words (a word with hex digits appended by grow-corpus) found in no other
    file of the feed, so that a hit on them can only be that file."""
    seen, per_file = {}, {}
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            words = {w.lower() for w in RARE.findall(f.read()) if any(c.isdigit() for c in w)}
        per_file[path] = words
        for w in words:
            seen[w] = seen.get(w, 0) + 1
    return {p: sorted(w for w in ws if seen[w] == 1) for p, ws in per_file.items()}


# --- the daemon and probes ---

class Daemon:
    def __init__(self, searchd, db, threads):
        self.proc = subprocess.Popen([searchd, "--db", db, "--listen", "127.0.0.1:0", "--threads", str(threads),
                                      "--quiet"], stderr=subprocess.PIPE, text=True)
        seen = []
        port = None
        while port is None and len(seen) < 20:  # warnings may come before the listening line
            line = self.proc.stderr.readline()
            if not line:
                break
            seen.append(line.rstrip())
            port = re.search(r"listening on [^ ]*:(\d+) ", line)
        if not port:
            self.proc.kill()
            die("minutes-searchd did not start: " + " | ".join(seen))
        self.port = int(port.group(1))
        self.url = f"http://127.0.0.1:{self.port}"
        self.stderr_lines = seen
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.proc.stderr:
            self.stderr_lines.append(line.rstrip())

    def alive(self):
        return self.proc.poll() is None

    def rss_kb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def fds(self):
        return len(os.listdir(f"/proc/{self.proc.pid}/fd"))


def get(url, timeout=10):
    """(status, body) of a GET; status 0 with the error text when no answer came."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (OSError, urllib.error.URLError) as e:
        return 0, str(e).encode()


def hits(daemon, words):
    q = " OR ".join(words)
    status, body = get(daemon.url + "/search?" + urllib.parse.urlencode({"q": q, "limit": "1"}))
    if status != 200:
        return status, None
    return status, len(json.loads(body).get("hits", []))


def wait_idle_fds(daemon, settle=3.0):
    """The daemon's descriptor count once no client is connected (the least over a few samples)."""
    counts = []
    end = time.monotonic() + settle
    while time.monotonic() < end:
        counts.append(daemon.fds())
        time.sleep(0.25)
    return min(counts)


def fd_targets(daemon):
    out = []
    for fd in os.listdir(f"/proc/{daemon.proc.pid}/fd"):
        try:
            out.append(os.readlink(f"/proc/{daemon.proc.pid}/fd/{fd}"))
        except OSError:
            pass
    return sorted(re.sub(r"\[\d+\]", "", t) for t in out)


def milliseconds(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]


def run_wrk(url, script, connections, seconds, out):
    p = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
                        "--latency", "-s", script, url], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    text = p.stdout
    out["raw"] = text
    m = re.search(r"(\d+) requests in", text)
    out["requests"] = int(m.group(1)) if m else 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    out["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    out["socket_errors"] = dict(zip(("connect", "read", "write", "timeout"), map(int, m.groups()))) if m else {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    out["rps"] = float(m.group(1)) if m else 0.0
    for q in ("50", "99"):
        m = re.search(rf"\s{q}%\s+(\S+)", text)
        out["p" + q] = milliseconds(m.group(1)) if m else None
    out["exit"] = p.returncode


# --- the feeder ---

def feeder(indexer, db, daemon, files, words, interval, stop, result):
    version = os.path.join(db, "iamglass")
    for path in files:
        if stop.is_set():
            break
        started = time.monotonic()
        # Only words the recogniser puts into the meeting's text can be found: a word in a heading or an
        # attendance list may not be indexed, and its absence would say nothing about the daemon.
        shown = subprocess.run([indexer, "inspect", "--compact", path], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL).stdout.decode("utf-8", "replace").lower()
        candidates = [w for w in words.get(path, []) if re.search(r"\b" + re.escape(w) + r"\b", shown)][:40]
        # Words already found (a base-corpus file may share one by chance) cannot tell the new file apart.
        probe = []
        for w in candidates:
            status, n = hits(daemon, [w])
            if status != 200:
                result["poll_failures"].append(f"{status} before adding {path}")
            elif n == 0:
                probe.append(w)
            if len(probe) == 3:
                break
        before = os.stat(version).st_mtime_ns
        p = subprocess.run([indexer, "add", "--db", db, "--json", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        report = json.loads(p.stdout) if p.stdout else {}
        commit_ns = os.stat(version).st_mtime_ns
        entry = {"file": os.path.relpath(path), "exit": p.returncode, "items": report.get("items_written", 0),
                 "add_s": time.monotonic() - started, "delay_s": None}
        result["adds"].append(entry)
        if p.returncode != 0 or commit_ns == before:
            entry["note"] = f"exit {p.returncode}, {'no commit' if commit_ns == before else 'committed'}: " + \
                p.stderr.decode(errors="replace")[:200]
        elif entry["items"] == 0 or not probe:
            entry["note"] = "nothing to look for (no items written or no unique word)"
        else:
            commit = commit_ns / 1e9
            deadline = time.time() + 30
            while time.time() < deadline:  # also after the run's end: the last file is still measured
                status, n = hits(daemon, probe)
                if status != 200:
                    result["poll_failures"].append(f"{status} while polling for {path}")
                elif n:
                    entry["delay_s"] = time.time() - commit
                    break
                time.sleep(0.02)
            if entry["delay_s"] is None:
                entry["note"] = "not visible within 30 s"
        rest = interval - (time.monotonic() - started)
        if rest > 0:
            stop.wait(rest)


# --- the hostile mix ---

def hostile_requests():
    """(name, bytes sent, answers accepted besides a 4xx or a closed connection)."""
    big = b"a" * 100_000
    head = b" HTTP/1.1\r\nHost: x\r\n\r\n"
    return [
        ("request line 100 KB", b"GET /search?q=" + big + head, ()),
        ("target 9 KB", b"GET /search?q=" + b"b" * 9000 + head, ()),
        ("200 header fields", b"GET /search?q=budget HTTP/1.1\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(200)) + b"\r\n", ()),
        ("one 64 KB header", b"GET /search?q=budget HTTP/1.1\r\nX-Big: " + b"c" * 65536 + b"\r\n\r\n", ()),
        ("percent-encoded invalid UTF-8", b"GET /search?q=%FF%FE%FD" + head, ()),
        ("overlong UTF-8", b"GET /search?q=%C0%AF%E0%80%AF" + head, ()),
        ("raw invalid UTF-8 in target", b"GET /search?q=\xff\xfe\xc3" + head, ()),
        ("bad percent %ZZ", b"GET /search?q=%ZZ" + head, ()),
        ("truncated percent", b"GET /search?q=abc%4" + head, ()),
        ("bad percent in path", b"GET /items/%G1%2" + head, ()),
        ("NUL in target", b"GET /search?q=a%00b" + head, ()),
        # RFC 9110 5.5: reject, or read the NUL as a space; a header no endpoint reads may then pass (200).
        ("raw NUL in header", b"GET /search?q=a HTTP/1.1\r\nX-N: a\x00b\r\n\r\n", ("200",)),
        ("header without colon", b"GET /search?q=a HTTP/1.1\r\nnocolon\r\n\r\n", ()),
        ("garbage", bytes(random.Random(7).randrange(256) for _ in range(300)) + b"\r\n\r\n", ()),
        ("unknown method", b"BREW /search?q=a" + head, ("501",)),
        ("POST with body", b"POST /search HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", ()),
        ("GET, Content-Length 10 MB", b"GET /search?q=a HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\nxx", ()),
        ("HTTP/9.9", b"GET /search?q=a HTTP/9.9\r\nHost: x\r\n\r\n", ("505",)),
        ("101 query parameters", b"GET /search?" + b"&".join(b"q=a" for _ in range(101)) + head, ()),
        # Within the protocol: an answer (200) is as good as a refusal (400), as long as it comes.
        ("huge limit, negative offset", b"GET /search?q=a&limit=99999999999999999999&offset=-1" + head, ("200",)),
        ("query of 2000 words", b"GET /search?q=" + b"+".join(b"w%d" % i for i in range(2000)) + head, ("200",)),
        ("2000 nested parentheses", b"GET /search?q=" + b"%28" * 2000 + b"a" + b"%29" * 2000 + head, ("200",)),
        ("2000 wildcards", b"GET /search?q=" + b"+".join(b"a%d*" % i for i in range(2000)) + head, ("200",)),
    ]


def send_probe(port, payload, timeout=20):
    """Status code of the answer, 'closed' when the server closed without one, 'hang' when nothing came."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        try:
            s.sendall(payload)
        except OSError:
            pass  # the server may close while we still send an oversized request
        data = b""
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        if not data:
            return "closed"
        m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
        return int(m.group(1)) if m else "unparsable: " + data[:40].decode(errors="replace")
    except socket.timeout:
        return "hang"
    except OSError:
        return "closed"
    finally:
        s.close()


def slow_client(port, stop, result, lock):
    """Sends a request head one header line every 2 s and never finishes; notes how long the server
    lets it live."""
    while not stop.is_set():
        opened = time.monotonic()
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"GET /search?q=budget HTTP/1.1\r\nHost: x\r\n")
            n = 0
            while not stop.is_set():
                stop.wait(2)
                s.sendall(b"X-Slow-%d: y\r\n" % n)
                n += 1
                if time.monotonic() - opened > 300:
                    break
            s.close()
            if not stop.is_set():
                with lock:
                    result["slow_uncut"] += 1
        except OSError:
            with lock:
                result["slow_cut"] += 1
                result["slow_lifetimes"].append(time.monotonic() - opened)
            stop.wait(0.5)


def hostile(port, stop, result, slow_clients):
    lock = threading.Lock()
    threads = [threading.Thread(target=slow_client, args=(port, stop, result, lock), daemon=True)
               for _ in range(slow_clients)]
    for t in threads:
        t.start()
    probes = hostile_requests()
    result["accepted"] = {name: list(extra) for name, _, extra in probes}
    while not stop.is_set():
        for name, payload, _ in probes:
            if stop.is_set():
                break
            try:
                outcome = send_probe(port, payload)
            except OSError as e:
                outcome = "connect failed: " + str(e)
            with lock:
                result["probes"].setdefault(name, {}).setdefault(str(outcome), 0)
                result["probes"][name][str(outcome)] += 1
            stop.wait(0.05)
    for t in threads:
        t.join(timeout=5)


# --- main ---

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_corpus = os.path.join(ROOT, "..", "shared", "corpora")
    parser.add_argument("--minutes", type=float, default=15)
    parser.add_argument("--hostile", action="store_true", help="add the hostile mix on other connections")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--work", default=os.path.join(ROOT, "var", "soak"))
    parser.add_argument("--corpus", default=default_corpus if os.path.isdir(default_corpus) else os.path.join(ROOT, "corpora"))
    parser.add_argument("--feed-mb", type=float, default=130, help="size of the grown corpus the feeder adds from")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections")
    parser.add_argument("--threads", type=int, default=2, help="daemon worker threads")
    parser.add_argument("--interval", type=float, default=3, help="seconds between the feeder's commits")
    parser.add_argument("--sample", type=float, default=5, help="seconds between RSS/FD samples")
    parser.add_argument("--warmup", type=float, default=None, help="minutes of warm-up (default: a fifth, at most 3)")
    parser.add_argument("--slow-clients", type=int, default=20, help="with --hostile: trickling connections")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        die("wrk not found (scripts/install-deps installs it)")
    duration = int(args.minutes * 60)
    warmup = args.warmup * 60 if args.warmup is not None else min(duration / 5, 180)
    os.makedirs(args.work, exist_ok=True)
    bins = copy_binaries(args.build, args.work)
    base = base_index(bins["minutes-index"], args.corpus, args.work)
    feed_dir, files = feed_corpus(args.work, args.corpus, args.feed_mb)
    if not files:
        die(f"no files to feed in {feed_dir} (raise --feed-mb)")
    random.Random(1).shuffle(files)  # councils interleaved, as new minutes arrive
    words = unique_words(files)
    run_dir = os.path.join(args.work, "run-hostile" if args.hostile else "run")
    db = os.path.join(run_dir, "db")
    shutil.rmtree(os.path.dirname(db), ignore_errors=True)
    shutil.copytree(base, db)

    daemon = Daemon(bins["minutes-searchd"], db, args.threads)
    atexit.register(lambda: daemon.alive() and daemon.proc.kill())  # never leave it behind on an error
    log(f"minutes-searchd pid {daemon.proc.pid} on {daemon.url}; {len(files)} files to feed; load average "
        f"{os.getloadavg()[0]:.1f}")
    tmp = run_dir
    script = os.path.join(tmp, "queries.lua")
    wrk_driver.lua_script(script, ["/search?" + urllib.parse.urlencode({"q": q, "limit": "10"}) for q in wrk_driver.queries()])
    warm = {}
    run_wrk(daemon.url, script, args.connections, 10, warm)  # every worker's searcher opened, caches warm
    idle_before = wait_idle_fds(daemon)
    targets_before = fd_targets(daemon)
    rss_start = daemon.rss_kb()
    log(f"warm-up wrk: {warm['requests']} requests, {warm['non2xx']} non-2xx; idle fds {idle_before}, rss {rss_start} kB")

    stop = threading.Event()
    samples, feed, hostile_result, load = [], {"adds": [], "poll_failures": []}, \
        {"probes": {}, "slow_cut": 0, "slow_uncut": 0, "slow_lifetimes": []}, []
    wrk_result = {}
    t0 = time.monotonic()

    def sampler():
        while not stop.is_set():
            if not daemon.alive():
                samples.append((time.monotonic() - t0, None, None))
                return
            try:
                samples.append((time.monotonic() - t0, daemon.rss_kb(), daemon.fds()))
            except OSError:
                pass
            load.append(os.getloadavg()[0])
            stop.wait(args.sample)

    threads = [threading.Thread(target=sampler, daemon=True),
               threading.Thread(target=feeder, args=(bins["minutes-index"], db, daemon, files, words, args.interval,
                                                     stop, feed), daemon=True)]
    if args.hostile:
        threads.append(threading.Thread(target=hostile, args=(daemon.port, stop, hostile_result, args.slow_clients),
                                        daemon=True))
    for t in threads:
        t.start()
    wrk_thread = threading.Thread(target=run_wrk, args=(daemon.url, script, args.connections, duration, wrk_result))
    wrk_thread.start()
    next_report = 60
    while wrk_thread.is_alive():
        wrk_thread.join(timeout=5)
        elapsed = time.monotonic() - t0
        if elapsed >= next_report and samples:
            s = samples[-1]
            done = [a for a in feed["adds"] if a["delay_s"] is not None]
            log(f"{elapsed / 60:.0f} min: rss {s[1]} kB, fds {s[2]}, files added {len(feed['adds'])}, "
                f"max visibility delay {max((a['delay_s'] for a in done), default=0):.2f} s, load {os.getloadavg()[0]:.1f}")
            next_report += 60
    stop.set()
    for t in threads:
        t.join(timeout=60)
    alive_at_end = daemon.alive()
    # Idle after the clients left: at once, and once the connection timeout (15 s) has passed.
    idle_soon = wait_idle_fds(daemon, settle=3.0) if alive_at_end else None
    time.sleep(17)
    idle_after = wait_idle_fds(daemon, settle=3.0) if daemon.alive() else None
    extra_fds = []
    if idle_after is not None:
        rest = fd_targets(daemon)
        for t in targets_before:
            if t in rest:
                rest.remove(t)
        extra_fds = rest
    metrics_status, metrics = get(daemon.url + "/metrics") if alive_at_end else (0, b"")
    per_status = {}
    for m in re.finditer(r'minutes_http_requests_total\{endpoint="([^"]*)",status="(\d+)"\} (\d+)', metrics.decode(errors="replace")):
        per_status[m.group(2)] = per_status.get(m.group(2), 0) + int(m.group(3))
        if not m.group(2).startswith("2"):
            per_status[f"{m.group(2)} {m.group(1)}"] = int(m.group(3))
    daemon.proc.send_signal(signal.SIGTERM)
    try:
        exit_code = daemon.proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        daemon.proc.kill()
        exit_code = "killed after 60 s"

    # --- evaluation ---
    checks = []

    def check(name, ok, measured):
        checks.append((name, ok, measured))

    errors = wrk_result.get("socket_errors", {})
    check("wrk: no non-2xx answer", wrk_result.get("non2xx", 1) == 0 and wrk_result.get("requests", 0) > 0,
          f"{wrk_result.get('non2xx')} non-2xx of {wrk_result.get('requests')} requests "
          f"({wrk_result.get('rps', 0):.0f}/s, p50 {wrk_result.get('p50') or 0:.1f} ms, p99 {wrk_result.get('p99') or 0:.1f} ms)")
    check("wrk: no socket error", not any(errors.values()), ", ".join(f"{k} {v}" for k, v in errors.items()) or "none")
    check("feeder's searches all answered 200", not feed["poll_failures"],
          f"{len(feed['poll_failures'])} failed" + (f", e.g. {feed['poll_failures'][0]}" if feed["poll_failures"] else ""))
    measured = [a for a in feed["adds"] if a["delay_s"] is not None]
    lost = [a for a in feed["adds"] if "note" in a and "not visible" in a["note"]]
    failed_adds = [a for a in feed["adds"] if a["exit"] != 0]
    delays = sorted(a["delay_s"] for a in measured)
    commit_gaps = [b["add_s"] for b in feed["adds"]]
    check("feeder: every add committed", not failed_adds and len(feed["adds"]) > 0,
          f"{len(feed['adds'])} adds, {len(failed_adds)} failed, {sum(a['items'] for a in feed['adds'])} items written, "
          f"one add every {duration / max(len(feed['adds']), 1):.1f} s")
    check("new documents visible within 2 s of commit", not lost and bool(delays) and delays[-1] <= 2.0,
          f"{len(delays)} measured, {len(lost)} never seen; delay median {statistics.median(delays) if delays else 0:.2f} s, "
          f"p90 {delays[int(0.9 * (len(delays) - 1))] if delays else 0:.2f} s, max {delays[-1] if delays else 0:.2f} s")
    live = [s for s in samples if s[1] is not None]
    after = [s for s in live if s[0] >= warmup]
    first = [s[1] for s in after if s[0] < warmup + 60]
    last = [s[1] for s in live if s[0] >= duration - 60]
    if first and last:
        growth = statistics.median(last) / statistics.median(first) - 1
        check("RSS growth after warm-up < 10%", growth < 0.10,
              f"{statistics.median(first) / 1024:.1f} MB (min {warmup / 60:.0f}-{warmup / 60 + 1:.0f}) -> "
              f"{statistics.median(last) / 1024:.1f} MB (last min): {growth * 100:+.1f}%; start {rss_start / 1024:.1f} MB, "
              f"peak {max(s[1] for s in live) / 1024:.1f} MB")
    else:
        check("RSS growth after warm-up < 10%", False, "not enough samples (run longer)")
    fds_first = [s[2] for s in after if s[0] < warmup + 60]
    fds_last = [s[2] for s in live if s[0] >= duration - 60]
    check("no descriptor growth (idle, before and after)", idle_after is not None and idle_after <= idle_before,
          f"idle {idle_before} before, {idle_soon} 3 s after, {idle_after} 20 s after"
          f"{' (extra: ' + ', '.join(extra_fds[:6]) + ')' if extra_fds else ''}; under load {min(fds_first, default=0)}-{max(fds_first, default=0)} "
          f"after warm-up, {min(fds_last, default=0)}-{max(fds_last, default=0)} in the last minute")
    check("daemon up throughout, clean stop on SIGTERM", alive_at_end and exit_code == 0,
          f"alive at end: {alive_at_end}, exit {exit_code}")
    if args.hostile:
        bad = {}
        total = 0
        for name, outcomes in hostile_result["probes"].items():
            for outcome, n in outcomes.items():
                total += n
                if not (outcome == "closed" or (outcome.isdigit() and 400 <= int(outcome) < 500)
                        or outcome in hostile_result["accepted"].get(name, [])):
                    bad[f"{name}: {outcome}"] = n
        check("hostile requests: 4xx or closed (no 5xx, no hang)", not bad and total > 0,
              f"{total} probes; " + (", ".join(f"{k} x{v}" for k, v in list(bad.items())[:5]) if bad else "all 4xx/closed"))
        lifetimes = hostile_result["slow_lifetimes"]
        check("slow clients cut off", hostile_result["slow_uncut"] == 0 and bool(lifetimes),
              f"{len(lifetimes)} cut, after {min(lifetimes, default=0):.0f}-{max(lifetimes, default=0):.0f} s; "
              f"{hostile_result['slow_uncut']} lived 300 s")
    print()
    print(f"soak: {duration / 60:.1f} min, {args.connections} wrk connections, {args.threads} daemon threads, "
          f"{'hostile mix on, ' if args.hostile else ''}load average median {statistics.median(load) if load else 0:.1f} "
          f"(max {max(load, default=0):.1f}) on {os.cpu_count()} cores")
    print(f"{'check':<50} {'result':>6}  measured")
    for name, ok, text in checks:
        print(f"{name:<50} {'pass' if ok else 'FAIL':>6}  {text}")
    print(f"\ndaemon /metrics, answers by status (and by endpoint when not 2xx): {json.dumps(per_status, sort_keys=True)}")
    if args.hostile:
        print("hostile probes (outcome: count):")
        for name, outcomes in hostile_result["probes"].items():
            print(f"  {name:<32} " + ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items())))
    print("RSS/FD samples (minute: MB, fds): " + ", ".join(
        f"{s[0] / 60:.0f}: {s[1] / 1024:.0f}/{s[2]}" for s in live[::max(1, int(60 / args.sample))]))
    with open(os.path.join(tmp, "soak.json"), "w") as f:
        json.dump({"samples": samples, "adds": feed["adds"], "wrk": wrk_result, "hostile": hostile_result,
                   "checks": checks, "metrics": per_status, "extra_fds": extra_fds, "daemon_stderr": daemon.stderr_lines[-50:]}, f, indent=1)
    print(f"details: {os.path.relpath(os.path.join(tmp, 'soak.json'))}")
    failed = [c for c in checks if not c[1]]
    if failed:
        print(f"FAILED: {len(failed)} checks")
        sys.exit(1)
    print("PASSED")


if __name__ == "__main__":
    main()
