"""minutes-searchd while the indexer commits: many clients search, fetch items and check health while
minutes-index adds more minutes in small batches (many commits). No request may fail, and the new
minutes must be searchable within 2 s of the indexer finishing. The Govan Community Council minutes
(corpora/govan-cc) are the documents added; "Govan" appears in no other source of the sample.

An item may go while the clients read: govan-cc holds two renderings of the November 2023 meeting, and
the one that prints no date is indexed first and then replaced by the dated one, under another meeting id
(see the indexer's report). A hit followed to its item just after that commit is answered 404, truthfully;
such a 404 passes only if the item is gone for good, so an item that goes missing for a moment fails."""
import os
import subprocess
import sys
import tempfile
import threading
import time
import http.client
import json
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from searchd_common import Daemon, build_index, check, finish, daemon_test_arguments  # noqa: E402

parser = daemon_test_arguments()
parser.add_argument("--clients", type=int, default=8)
args = parser.parse_args()

QUERIES = ["children", "budget", "planning application", "council", '"parish council"', "safeguarding",
           "minutes", "meeting", "road", "school"]


class Client(threading.Thread):
    """Keeps one keep-alive connection and loops over the queries until told to stop."""

    def __init__(self, port, number, stop):
        super().__init__(daemon=True)
        self.port, self.number, self.stop = port, number, stop
        self.ok = 0
        self.failures = []
        self.gone = set()  # items answered 404 not_found: checked against the final index

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        i = self.number
        while not self.stop.is_set():
            query = QUERIES[i % len(QUERIES)]
            params = {"q": query, "limit": "5"}
            if i % 3 == 0:
                params["facets"] = "committee,year,member"
            targets = ["/search?" + urllib.parse.urlencode(params)]
            if i % 5 == 0:
                targets.append("/health")
            for target in targets:
                try:
                    connection.request("GET", target)
                    response = connection.getresponse()
                    body = response.read()
                    if response.status != 200:
                        self.failures.append(f"{target}: {response.status} {body[:200]!r}")
                        continue
                    doc = json.loads(body)
                    self.ok += 1
                    # Follow a hit to its item: the documents read may be replaced by the next commit.
                    if target.startswith("/search") and doc["hits"] and i % 2 == 0:
                        item_target = "/items/" + urllib.parse.quote(doc["hits"][0]["item_id"])
                        connection.request("GET", item_target)
                        item = connection.getresponse()
                        item_body = item.read()
                        if item.status == 404 and b'"code":"not_found"' in item_body:
                            self.gone.add(doc["hits"][0]["item_id"])
                        elif item.status != 200:
                            self.failures.append(f"{item_target}: {item.status} {item_body[:200]!r}")
                        else:
                            self.ok += 1
                except (OSError, http.client.HTTPException) as error:
                    self.failures.append(f"{target}: {error!r}")
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            i += 1
        connection.close()


def govan_hits(daemon):
    status, _, doc = daemon.get_json("/search?q=Govan&limit=1")
    return doc["total_estimate"] if status == 200 else -1


def main():
    with tempfile.TemporaryDirectory(prefix="searchd-concurrency-") as work:
        db = os.path.join(work, "db")
        os.mkdir(db)
        first = [os.path.join(args.sample, d) for d in ("worcestershire", "ayton-cc", "limerick")]
        build_index(args.indexer, db, first)
        daemon = Daemon(args.searchd, [db], extra=["--quiet"])
        try:
            check(govan_hits(daemon) == 0, "before: no Govan minutes in the index")
            _, _, health = daemon.get_json("/health")
            documents_before = health["documents"]

            stop = threading.Event()
            clients = [Client(daemon.port, n, stop) for n in range(args.clients)]
            for client in clients:
                client.start()
            time.sleep(0.5)
            # Small batches: a commit every few documents, while the clients read.
            more = [os.path.join(args.sample, d) for d in ("govan-cc", "stokeferry-parish", "kent-cc", "nipissing-township")]
            indexer = subprocess.run([args.indexer, "add", "--db", db, "--batch-documents", "5", *more],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=900)
            indexed_at = time.time()
            check(indexer.returncode in (0, 1), f"indexer exit {indexer.returncode}: {indexer.stderr[-500:]}")

            visible_after = None
            while time.time() - indexed_at < 10:
                if govan_hits(daemon) > 0:
                    visible_after = time.time() - indexed_at
                    break
                time.sleep(0.05)
            print(f"new minutes visible {visible_after if visible_after is None else round(visible_after, 2)} s "
                  "after the indexer finished")
            check(visible_after is not None and visible_after <= 2.0,
                  f"new documents visible within 2 s (after {visible_after})")
            time.sleep(1.5)  # every worker has looked for the last commit by now
            stop.set()
            for client in clients:
                client.join(timeout=60)

            answered = sum(c.ok for c in clients)
            failures = [f for c in clients for f in c.failures]
            print(f"{answered} requests answered during indexing, {len(failures)} failed")
            check(answered > 50, f"clients made progress ({answered} requests)")
            check(not failures, f"no failed request: {failures[:5]}")
            gone = sorted(set().union(*(c.gone for c in clients)))
            still_there = [item for item in gone
                           if daemon.get("/items/" + urllib.parse.quote(item))[0] != 404]
            print(f"{len(gone)} items answered 404 were replaced during indexing: {gone}")
            check(not still_there, f"an item answered 404 is in the final index: {still_there}")
            _, _, health = daemon.get_json("/health")
            check(health["documents"] > documents_before,
                  f"document count grew ({documents_before} -> {health['documents']})")
            status, _, metrics = daemon.get("/metrics")
            check(b'status="503"' not in metrics and b'status="500"' not in metrics, "metrics: no 5xx counted")
        finally:
            check(daemon.stop() == 0, "clean exit")


main()
finish("searchd_concurrency_test")
