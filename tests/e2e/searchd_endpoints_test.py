"""minutes-searchd end to end: every endpoint and error over an index of a real corpus, the same
answers as minutes-query, a restart on the same database, SIGHUP. Expectations about the documents
come from reading corpora/worcestershire/children-families-panel-minutes.md (Worcestershire County
Council, Children and Families Overview and Scrutiny Panel, 13 March 2017, minutes 267-275)."""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from searchd_common import Daemon, build_index, check, finish  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--searchd", required=True)
parser.add_argument("--indexer", required=True)
parser.add_argument("--query", required=True)
parser.add_argument("--corpus", required=True, help="directory indexed (the shared corpora when present)")
parser.add_argument("--sample", required=True, help="the repository's corpora/ (holds the Worcestershire panel)")
args = parser.parse_args()

PANEL = "Children and Families Overview and Scrutiny Panel"
COUNCIL = "Worcestershire County Council"


def search_json(daemon, params):
    return daemon.get_json("/search?" + urllib.parse.urlencode(params))


def query_cli_json(source, params):
    """minutes-query SOURCE --format json with the same parameters as options: --name value, except
    facets (--facets for all, --facet-list for a list). SOURCE is ["--db", DIR] or ["--server", URL]."""
    argv = [args.query, *source, "--format", "json"]
    for name, value in params:
        if name == "q":
            continue
        if name == "facets":
            argv += ["--facets"] if value == "all" else ["--facet-list", value]
        else:
            argv += ["--" + name, value]
    argv += [value for name, value in params if name == "q"]
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)


def main():
    with tempfile.TemporaryDirectory(prefix="searchd-e2e-") as work:
        db = os.path.join(work, "db")
        os.mkdir(db)
        paths = [args.corpus]
        if os.path.realpath(args.corpus) != os.path.realpath(args.sample):
            paths.append(os.path.join(args.sample, "worcestershire"))
        build_index(args.indexer, db, paths)

        daemon = Daemon(args.searchd, [db])
        first = exercise(daemon, db)
        check(daemon.stop() == 0, "SIGTERM: exit code 0")
        check(any("stopped" in line for line in daemon.lines), "SIGTERM: 'stopped' logged")

        # Restart on the same database: same answers.
        daemon = Daemon(args.searchd, [db])
        second = exercise(daemon, db)
        check(first == second, "restart: the same search documents before and after")

        # SIGHUP reopens and keeps serving.
        daemon.signal(signal.SIGHUP)
        time.sleep(0.3)
        status, _, health = daemon.get_json("/health")
        check(status == 200 and health["ready"], "after SIGHUP: /health ready")
        status, _, doc = search_json(daemon, [("q", "Children's Centre Buildings")])
        check(status == 200 and doc["hits"], "after SIGHUP: searches answered")
        check(any("SIGHUP" in line for line in daemon.lines), "SIGHUP logged")
        check(daemon.stop() == 0, "second SIGTERM: exit code 0")

        # No database: the daemon starts and says 503, never crashes.
        missing = Daemon(args.searchd, [os.path.join(work, "no-such-db")])
        status, _, doc = search_json(missing, [("q", "budget")])
        check(status == 503 and doc["error"]["code"] == "unavailable", f"missing database: 503 unavailable ({status})")
        status, _, doc = missing.get_json("/health")
        check(status == 503 and doc["ready"] is False, "missing database: /health 503, ready false")
        check(missing.stop() == 0, "missing database: clean exit")


def exercise(daemon, db):
    """Checks every endpoint and error; returns the search documents for the restart comparison."""
    documents = []

    status, headers, health = daemon.get_json("/health")
    check(status == 200, f"/health: 200 (got {status})")
    check(health["ready"] is True and health["documents"] > 0, "/health: ready with documents")
    check(health["revision"].isdigit() and int(health["revision"]) > 0, "/health: a revision number")
    check(headers["content-type"].startswith("application/json"), "/health: JSON")

    # The panel's minute 271 is about children's centre buildings (read in the document).
    status, headers, doc = search_json(daemon, [("q", "Children's Centre Buildings"), ("committee", PANEL)])
    check(status == 200, f"/search: 200 (got {status})")
    check(doc["schema"] == "minutes-search/1", "/search: schema minutes-search/1")
    hit = doc["hits"][0] if doc["hits"] else {}
    check(hit.get("item_number") == "271", "/search: minute 271 first for children's centre buildings")
    check(hit.get("date") == "2017-03-13" and hit.get("committee") == PANEL and hit.get("council") == COUNCIL,
          "/search: date, committee and council of minute 271")
    check("Children's Centre Buildings" in hit.get("item_title", ""), "/search: title of minute 271")
    documents.append(doc)

    # Declarations of interest are minute 268: Councillor Banks chairs Orchard and Spring Vale Children's Centre.
    status, _, doc = search_json(daemon, [("q", '"Orchard and Spring Vale"'), ("facets", "committee,year")])
    check(status == 200 and any(h["item_number"] == "268" for h in doc["hits"]), "/search: phrase finds minute 268")
    facets = doc.get("facets", {})
    check({"value": PANEL, "count": 1} in facets.get("committee", []), "/search: committee facet counts the panel once")
    check({"value": "2017", "count": 1} in facets.get("year", []), "/search: year facet 2017")
    documents.append(doc)

    # Paging.
    status, _, doc = search_json(daemon, [("q", "council"), ("limit", "3"), ("offset", "2")])
    check(status == 200 and len(doc["hits"]) <= 3 and doc["offset"] == 2 and doc["limit"] == 3, "/search: paging")
    check(all(h["rank"] == 3 + i for i, h in enumerate(doc["hits"])), "/search: ranks count from the offset")
    documents.append(doc)

    # The same documents as minutes-query --format json, over the database and through this daemon.
    for params in ([("q", "Children's Centre Buildings")],
                   [("q", "budget"), ("facets", "committee,year"), ("limit", "5")],
                   [("q", "safeguarding"), ("facets", "all"), ("from", "2017-01-01"), ("to", "2017-12-31"),
                    ("sort", "newest")],
                   [("q", "council"), ("by", "meeting"), ("offset", "3"), ("limit", "4")]):
        status, _, served = search_json(daemon, params)
        check(status == 200, f"/search {params}: 200 (got {status})")
        cli = query_cli_json(["--db", db], params)
        if cli.returncode == 3 and "not available" in cli.stderr:
            print("NOTE: minutes-query not built yet: --format json comparison skipped", file=sys.stderr)
            break
        check(cli.returncode in (0, 1), f"minutes-query --db {params}: exit {cli.returncode}: {cli.stderr[:300]}")
        if cli.returncode in (0, 1):
            check(json.loads(cli.stdout) == served, f"/search equals minutes-query --db --format json for {params}")
        remote = query_cli_json(["--server", f"http://127.0.0.1:{daemon.port}"], params)
        check(remote.returncode == cli.returncode and remote.stdout == cli.stdout,
              f"minutes-query --server prints what --db prints for {params} ({remote.stderr[:300]})")

    # The item in full, with its meeting and attendance.
    item_id = hit.get("item_id", "none")
    status, _, item = daemon.get_json("/items/" + urllib.parse.quote(item_id))
    check(status == 200, f"/items/{{id}}: 200 (got {status})")
    if status == 200:
        check(item["id"] == item_id and item["number"] == "271", "/items/{id}: the item asked for")
        check(len(item["passages"]) >= 2, "/items/{id}: all passages")
        check("13 March 2017" in item["citation"] and "minute 271" in item["citation"], "/items/{id}: citation")
        attendees = {a["name"]: a for a in (item.get("meeting") or {}).get("attendees", [])}
        check("L R Duffy" in attendees and attendees["L R Duffy"]["role"] == "chair",
              "/items/{id}: meeting attendance has Ms L R Duffy in the chair")
        check("Catherine Driscoll" in attendees, "/items/{id}: Catherine Driscoll attended")
        meeting_id = item["meeting_id"]
        status, _, meeting = daemon.get_json("/meetings/" + meeting_id)
        check(status == 200 and meeting["id"] == meeting_id, "/meetings/{id}: 200, the meeting asked for")
        numbers = [i["number"] for i in meeting.get("items", [])]
        check(all(str(n) in numbers for n in range(267, 272)), f"/meetings/{{id}}: minutes 267-271 listed ({numbers})")
        check(meeting.get("date") == "2017-03-13", "/meetings/{id}: date")
        documents.append(item)

    status, _, similar = daemon.get_json("/items/" + urllib.parse.quote(item_id) + "/similar?limit=5")
    check(status == 200 and similar["schema"] == "minutes-search/1", f"/items/{{id}}/similar: 200 ({status})")
    check(all(h["item_id"] != item_id for h in similar.get("hits", [])), "/items/{id}/similar: not the item itself")

    # Errors: JSON, right status, saying what is wrong.
    def error(target, expected_status, code, fragment, method="GET", headers=None, body=None):
        status, response_headers, doc = daemon.get_json(target, method=method, headers=headers, body=body)
        ok = check(status == expected_status, f"{method} {target[:60]}: {expected_status} (got {status})")
        if ok and method != "HEAD":
            check(doc is not None and doc["error"]["code"] == code and fragment in doc["error"]["message"],
                  f"{method} {target[:60]}: error {code} mentioning {fragment!r} (got {doc})")
        return response_headers

    error("/search?limit=abc", 400, "invalid_argument", "limit")
    error("/search?limit=100000", 400, "limit_exceeded", "limit")
    error("/search?colour=red", 400, "invalid_argument", "colour")
    error("/search?from=2017-02-30", 400, "invalid_argument", "from")
    error("/search?q=%ZZ", 400, "invalid_argument", "parameter 'q': bad percent-encoding")
    error("/search?q=%C3%28", 400, "invalid_argument", "not valid UTF-8")
    error("/search?q=a%00b", 400, "invalid_argument", "control character")
    error("/items/../../etc/passwd", 400, "invalid_argument", "'..'")
    error("/items/%2e%2e/%2e%2e/etc/passwd", 400, "invalid_argument", "'..'")
    error("/nowhere", 404, "not_found", "no endpoint")
    error("/search/", 404, "not_found", "no endpoint")
    error("/items/0000000000000000-999", 404, "not_found", "")
    error("/meetings/0000000000000000", 404, "not_found", "")
    error("/items/x?limit=3", 400, "invalid_argument", "limit")
    headers = error("/search?q=budget", 405, "method_not_allowed", "GET and HEAD", method="POST", body=b"q=1")
    check(headers.get("allow") == "GET, HEAD", "405: Allow: GET, HEAD")
    for method in ("PUT", "DELETE", "PATCH", "OPTIONS"):
        error("/search", 405, "method_not_allowed", "GET and HEAD", method=method)
    error("/search?q=budget", 413, "payload_too_large", "no body", body=b"x" * 100,
          headers={"Content-Length": "100"})
    error("/search?q=" + "a" * 9000, 414, "uri_too_long", "8192")

    # HEAD: headers of the GET, no body.
    status, headers, body = daemon.get("/health", method="HEAD")
    check(status == 200 and body == b"" and int(headers.get("content-length", "0")) > 0, "HEAD /health: no body")

    # Metrics: count what this run did. Requests so far were answered, so their counts are final.
    status, headers, body = daemon.get("/metrics")
    text = body.decode()
    check(status == 200 and headers["content-type"].startswith("text/plain; version=0.0.4"), "/metrics: Prometheus text")
    check('minutes_http_requests_total{endpoint="health",status="200"} 2' in text, "/metrics: two /health 200 (GET, HEAD)")
    check('minutes_http_requests_total{endpoint="other",status="405"} 5' in text, "/metrics: five 405")
    check('minutes_http_request_duration_seconds_bucket{endpoint="search",le="+Inf"}' in text, "/metrics: histogram")

    # One log line per request: method, path, status, ms.
    time.sleep(0.2)
    check(any(line.startswith("GET /health 200 ") and line.rstrip().endswith(" ms") for line in daemon.lines),
          "log: 'GET /health 200 N ms'")
    check(any(line.startswith("POST /search 405 ") for line in daemon.lines), "log: 'POST /search 405'")
    return documents


main()
finish("searchd_endpoints_test")
