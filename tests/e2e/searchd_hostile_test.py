"""minutes-searchd against hostile clients: oversized request lines, a thousand headers, slow and idle
clients, connection floods, invalid UTF-8 and percent-encoding, path traversal, bodies, garbage.
After each attack the daemon must still be up and answer a normal request."""
import argparse
import os
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from searchd_common import Daemon, build_index, check, finish, status_of  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--searchd", required=True)
parser.add_argument("--indexer", required=True)
parser.add_argument("--sample", required=True)
args = parser.parse_args()

TIMEOUT_S = 2
CONNECTIONS = 40


def still_serving(daemon, after):
    check(daemon.alive(), f"{after}: daemon still running")
    if daemon.alive():
        status, _, doc = daemon.get_json("/search?q=children")
        check(status == 200 and doc["hits"], f"{after}: a normal search still answered (status {status})")


def expect_status(daemon, payload, expected, name):
    response = daemon.raw(payload)
    got = status_of(response)
    check(got in expected, f"{name}: status {expected} (got {got}: {response[:120]!r})")
    still_serving(daemon, name)
    return response


def main():
    with tempfile.TemporaryDirectory(prefix="searchd-hostile-") as work:
        db = os.path.join(work, "db")
        os.mkdir(db)
        build_index(args.indexer, db, [os.path.join(args.sample, "worcestershire")])
        daemon = Daemon(args.searchd, [db], extra=["--timeout", str(TIMEOUT_S), "--connection-limit", str(CONNECTIONS),
                                                   "--per-ip-connection-limit", str(CONNECTIONS)])
        try:
            attack(daemon)
        finally:
            check(daemon.stop() == 0, "clean exit after the attacks")


def attack(daemon):
    host = b"Host: 127.0.0.1\r\n"
    # Oversized request lines: beyond our target limit (JSON 414) and beyond the connection buffer (414 from
    # the server library, which never lets the request in).
    expect_status(daemon, b"GET /search?q=" + b"a" * 10000 + b" HTTP/1.1\r\n" + host + b"\r\n", {414}, "10 KB target")
    expect_status(daemon, b"GET /search?q=" + b"a" * 200000 + b" HTTP/1.1\r\n" + host + b"\r\n", {414},
                  "200 KB request line")
    # A thousand headers: small ones fit the buffer and are counted (431); big ones overflow it (431 too).
    small = b"".join(b"X-H%d: v\r\n" % i for i in range(1000))
    expect_status(daemon, b"GET /health HTTP/1.1\r\n" + host + small + b"\r\n", {431}, "1000 small headers")
    big = b"".join(b"X-Header-%d: %s\r\n" % (i, b"v" * 100) for i in range(1000))
    expect_status(daemon, b"GET /health HTTP/1.1\r\n" + host + big + b"\r\n", {431}, "1000 big headers")
    expect_status(daemon, b"GET /health HTTP/1.1\r\n" + host + b"X-Long: " + b"z" * 100000 + b"\r\n\r\n", {431, 413},
                  "one 100 KB header")

    # Invalid UTF-8 and percent-encoding, raw in the request line.
    expect_status(daemon, b"GET /search?q=%FF%FE HTTP/1.1\r\n" + host + b"\r\n", {400}, "percent-encoded invalid UTF-8")
    expect_status(daemon, b"GET /search?q=\xff\xfe HTTP/1.1\r\n" + host + b"\r\n", {400}, "raw invalid UTF-8")
    expect_status(daemon, b"GET /search?q=%G1 HTTP/1.1\r\n" + host + b"\r\n", {400}, "bad percent-encoding")
    expect_status(daemon, b"GET /sea%ZZrch HTTP/1.1\r\n" + host + b"\r\n", {400}, "bad percent-encoding in path")

    # Path traversal: never a file, never a 200.
    for target in (b"/../../etc/passwd", b"/items/../../../etc/passwd", b"/items/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                   b"/items/..%2f..%2fetc%2fpasswd", b"/%2e%2e/%2e%2e/etc/passwd", b"/search/../health",
                   b"/items/%00", b"//etc/passwd", b"http://127.0.0.1/health", b"*"):
        response = expect_status(daemon, b"GET " + target + b" HTTP/1.1\r\n" + host + b"\r\n", {400, 404},
                                 "traversal " + target.decode("latin-1"))
        check(b"root:" not in response, f"traversal {target!r}: no file content")

    # Bodies are refused: GET with a declared, a chunked and an absurd body.
    expect_status(daemon, b"GET /health HTTP/1.1\r\n" + host + b"Content-Length: 5\r\n\r\nhello", {413}, "GET body")
    expect_status(daemon, b"GET /health HTTP/1.1\r\n" + host + b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                  {413}, "chunked body")
    expect_status(daemon, b"GET /health HTTP/1.1\r\n" + host + b"Content-Length: 99999999999999\r\n\r\n", {413},
                  "huge Content-Length")
    expect_status(daemon, b"POST /search HTTP/1.1\r\n" + host + b"Content-Length: 3\r\n\r\nq=a", {405}, "POST")
    expect_status(daemon, b"BREW /search HTTP/1.1\r\n" + host + b"\r\n", {405, 400, 501}, "unknown method")

    # Garbage and broken protocol.
    expect_status(daemon, b"\x00\x01\x02\x03garbage\r\n\r\n", {400, None}, "binary garbage")
    expect_status(daemon, b"GET /health HTTP/9.9\r\n" + host + b"\r\n", {400, 505}, "unknown HTTP version")
    expect_status(daemon, b"GET /health HTTP/1.1\r\nBad Header Without Colon\r\n\r\n", {400, 200}, "header without colon")

    # Pipelining: two requests in one packet, two answers.
    response = daemon.raw(b"GET /health HTTP/1.1\r\n" + host + b"\r\nGET /health HTTP/1.1\r\n" + host +
                          b"Connection: close\r\n\r\n")
    check(response.count(b"HTTP/1.1 200") == 2, "pipelined requests: two answers")

    # Idle clients are closed after the timeout.
    idle = socket.create_connection(("127.0.0.1", daemon.port))
    idle.settimeout(TIMEOUT_S + 5)
    start = time.time()
    try:
        closed = idle.recv(1) == b""
    except (ConnectionResetError, socket.timeout):
        closed = False
    elapsed = time.time() - start
    check(closed and elapsed < TIMEOUT_S + 3, f"idle connection closed after the timeout ({elapsed:.1f} s)")
    idle.close()

    # Slow clients: a request line sent a few bytes at a time is still answered; meanwhile others are served.
    slow = socket.create_connection(("127.0.0.1", daemon.port))
    request = b"GET /health HTTP/1.1\r\n" + host + b"Connection: close\r\n\r\n"
    for i in range(0, len(request), 8):
        slow.sendall(request[i:i + 8])
        time.sleep(0.1)
        if i == 16:
            status, _, _ = daemon.get("/health")
            check(status == 200, "a slow client does not hold up others")
    slow.settimeout(5)
    check(status_of(slow.recv(4096)) == 200, "slow client answered")
    slow.close()

    # A stalled client (half a request, then silence) is dropped after the timeout.
    stalled = socket.create_connection(("127.0.0.1", daemon.port))
    stalled.sendall(b"GET /health HTTP/1.1\r\nHost: x")
    stalled.settimeout(TIMEOUT_S + 5)
    start = time.time()
    try:
        data = stalled.recv(4096)
    except (ConnectionResetError, socket.timeout):
        data = None
    check(data is not None and b"200 OK" not in data and time.time() - start < TIMEOUT_S + 3,
          "stalled half request dropped after the timeout")
    stalled.close()

    # Connection flood: up to the limit the daemon holds the connections; beyond it a new one waits in the
    # listen queue unanswered; once the flood times out, the waiting client is served.
    flood = []
    for _ in range(CONNECTIONS):
        flood.append(socket.create_connection(("127.0.0.1", daemon.port)))
    time.sleep(0.3)
    start = time.time()
    extra = socket.create_connection(("127.0.0.1", daemon.port))
    extra.sendall(b"GET /health HTTP/1.1\r\n" + host + b"\r\n")
    extra.settimeout(TIMEOUT_S / 2)
    try:
        early = extra.recv(100)
    except socket.timeout:
        early = None
    check(early is None, f"beyond the connection limit: not answered while the flood holds ({early!r})")
    extra.settimeout(TIMEOUT_S + 5)
    try:
        late = extra.recv(4096)
    except (socket.timeout, ConnectionResetError):
        late = b""
    check(status_of(late) == 200 and time.time() - start >= TIMEOUT_S - 0.5,
          f"beyond the connection limit: answered once the flood timed out ({time.time() - start:.1f} s)")
    extra.close()
    still_serving(daemon, "after the connection flood timed out")
    for s in flood:
        s.close()

    # Invalid UTF-8 in a header value and NUL in the path.
    expect_status(daemon, b"GET /health HTTP/1.1\r\n" + host + b"X-Name: \xff\xfe\r\n\r\n", {200}, "invalid UTF-8 header")
    expect_status(daemon, b"GET /search%00 HTTP/1.1\r\n" + host + b"\r\n", {400}, "NUL in the path")


main()
finish("searchd_hostile_test")
