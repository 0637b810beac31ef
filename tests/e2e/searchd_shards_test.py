"""minutes-searchd over shards: the sample corpus split in two databases, searched (a) as two local
shards and (b) with the second shard served by Xapian's xapian-tcpsrv on loopback, must give the same
hits, scores and facet counts as (c) one database holding everything."""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from searchd_common import Daemon, build_index, check, finish, free_port, daemon_test_arguments  # noqa: E402

parser = daemon_test_arguments()
parser.add_argument("--tcpsrv", default=shutil.which("xapian-tcpsrv") or "xapian-tcpsrv")
args = parser.parse_args()

FIRST = ["worcestershire", "ayton-cc", "limerick", "govan-cc", "stokeferry-parish", "cleveland-city-record"]
SECOND = ["kent-cc", "manordeilo-salem-cc", "nipissing-township", "sacramento", "denver-rtd", "pacific-hansard"]
FACETS = "committee,council,year,member,role,type"
QUERIES = [
    [("q", "children"), ("facets", FACETS)],
    [("q", "budget"), ("facets", FACETS)],
    [("q", '"planning application"'), ("facets", "committee,year")],
    [("q", "council"), ("by", "meeting"), ("facets", "year")],
    [("q", "safeguarding OR school"), ("sort", "newest")],
    [("q", "minutes"), ("from", "2015-01-01"), ("to", "2020-12-31"), ("facets", "year")],
    [("q", "road"), ("type", "decision"), ("facets", "committee")],
]


def fetch(daemon, params):
    status, _, doc = daemon.get_json("/search?" + urllib.parse.urlencode(params + [("limit", "100")]))
    check(status == 200, f"{params}: 200 (got {status}: {doc})")
    return doc if status == 200 else None


def summary(doc):
    """What must agree: totals, the facets, and the hits in rank order, where hits tied on the sort key
    (equal score, or equal date for date sorts) may come in any order: Xapian breaks ties by document
    number, which differs between one database and shards. A tie group cut by the page end is dropped."""
    key = (lambda h: round(h["score"], 6)) if doc["sort"] == "relevance" else (lambda h: h["date"])
    groups = []
    for hit in doc["hits"]:
        # A hit by what it shows, not by id: the corpus has identical renderings of one meeting (an agenda
        # and its minutes, sacramento/SCOE), and which of two identical items is shown follows document order.
        shown = tuple(str(hit[k]) for k in ("date", "council", "committee", "item_number", "item_title", "snippet"))
        if groups and groups[-1][0] == key(hit):
            groups[-1][1].append(shown)
        else:
            groups.append((key(hit), [shown]))
    if groups and len(doc["hits"]) < doc["total_estimate"]:
        groups.pop()
    return {"total": doc["total_estimate"], "exact": doc["total_exact"],
            "hits": [(k, sorted(ids)) for k, ids in groups], "facets": doc["facets"]}


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"at {i}: {x} vs {y}"
    return f"lengths {len(a)} vs {len(b)}"


def wait_for_port(port, process):
    deadline = time.time() + 20
    while time.time() < deadline:
        if process.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def main():
    with tempfile.TemporaryDirectory(prefix="searchd-shards-") as work:
        dbs = {}
        for name, dirs in (("first", FIRST), ("second", SECOND), ("all", FIRST + SECOND)):
            dbs[name] = os.path.join(work, name)
            os.mkdir(dbs[name])
            build_index(args.indexer, dbs[name], [os.path.join(args.sample, d) for d in dirs])

        port = free_port()
        tcpsrv = subprocess.Popen([args.tcpsrv, "--interface", "127.0.0.1", "--port", str(port), dbs["second"]],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  # xapian-tcpsrv signals its whole process group when it stops
                                  start_new_session=True)
        daemons = {}
        try:
            check(wait_for_port(port, tcpsrv), "xapian-tcpsrv started")
            daemons["one"] = Daemon(args.searchd, [dbs["all"]])
            daemons["local"] = Daemon(args.searchd, [dbs["first"], dbs["second"]])
            daemons["remote"] = Daemon(args.searchd, [dbs["first"], f"tcp://127.0.0.1:{port}"])

            for name, daemon in daemons.items():
                status, _, health = daemon.get_json("/health")
                check(status == 200 and health["ready"], f"{name}: ready")
            _, _, one_health = daemons["one"].get_json("/health")
            for name in ("local", "remote"):
                _, _, health = daemons[name].get_json("/health")
                check(health["documents"] == one_health["documents"],
                      f"{name}: same document count ({health['documents']} vs {one_health['documents']})")

            compared_hits = 0
            for params in QUERIES:
                expected = fetch(daemons["one"], params)
                if expected is None:
                    continue
                check(expected["total_estimate"] > 0, f"{params}: the query matches something")
                compared_hits += len(expected["hits"])
                for name in ("local", "remote"):
                    got = fetch(daemons[name], params)
                    if got is None:
                        continue
                    a, b = summary(expected), summary(got)
                    for key in a:
                        detail = first_difference(a[key], b[key]) if key == "hits" else f"{a[key]} vs {b[key]}"
                        check(a[key] == b[key], f"{name} {params}: {key} differs from one database: {detail[:300]}")
                    if name == "remote":
                        check(any("remote" in note for note in got["notes"]),
                              f"remote {params}: a note says what the remote backend lacks")
            check(compared_hits > 50, f"enough hits compared ({compared_hits})")

            # An item stored on the remote shard, fetched through the daemon.
            status, _, doc = daemons["one"].get_json("/search?q=county&council=Kent&limit=1")
            if check(status == 200 and doc["hits"], "a Kent item to fetch"):
                item_id = doc["hits"][0]["item_id"]
                status_one, _, item_one = daemons["one"].get_json("/items/" + item_id)
                status_remote, _, item_remote = daemons["remote"].get_json("/items/" + item_id)
                check(status_one == 200 and status_remote == 200 and item_one == item_remote,
                      "an item on the remote shard is served in full, as from one database")
        finally:
            for daemon in daemons.values():
                check(daemon.stop() == 0, "daemon clean exit")
            tcpsrv.terminate()
            tcpsrv.wait(timeout=10)


main()
finish("searchd_shards_test")
