"""minutes-searchd against hostile clients: oversized request lines, a thousand headers, slow and idle
clients, trickling (slow-loris) clients, connection floods, invalid UTF-8 and percent-encoding, path
traversal, bodies, garbage. Every error is the JSON error document. After each attack the daemon must
still be up and answer a normal request."""
import json
import os
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from searchd_common import Daemon, build_index, check, finish, status_of, daemon_test_arguments  # noqa: E402

parser = daemon_test_arguments()
args = parser.parse_args()

TIMEOUT_S = 2
HEAD_TIMEOUT_S = 3
CONNECTIONS = 40


def still_serving(daemon, after):
    check(daemon.alive(), f"{after}: daemon still running")
    if daemon.alive():
        status, _, doc = daemon.get_json("/search?q=children")
        check(status == 200 and doc["hits"], f"{after}: a normal search still answered (status {status})")


def error_code_of(raw_response):
    """The error code of a raw answer's JSON error document, or None when the body is not one."""
    head, _, body = raw_response.partition(b"\r\n\r\n")
    if b"application/json" not in head.lower():
        return None
    try:
        return json.loads(body.decode("utf-8"))["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return None


def expect_status(daemon, payload, expected, name, code=None):
    response = daemon.raw(payload)
    got = status_of(response)
    check(got in expected, f"{name}: status {expected} (got {got}: {response[:120]!r})")
    if got is not None and got >= 400:
        got_code = error_code_of(response)
        check(got_code is not None, f"{name}: the answer is the JSON error document ({response[:300]!r})")
        if code is not None:
            check(got_code == code, f"{name}: error code {code} (got {got_code})")
    still_serving(daemon, name)
    return response


def main():
    with tempfile.TemporaryDirectory(prefix="searchd-hostile-") as work:
        db = os.path.join(work, "db")
        os.mkdir(db)
        build_index(args.indexer, db, [os.path.join(args.sample, "worcestershire")])
        daemon = Daemon(args.searchd, [db], extra=["--timeout", str(TIMEOUT_S), "--connection-limit", str(CONNECTIONS),
                                                   "--per-ip-connection-limit", str(CONNECTIONS),
                                                   "--head-timeout", str(HEAD_TIMEOUT_S), "--threads", "1"])
        daemon.db = db
        try:
            attack(daemon)
        finally:
            check(daemon.stop() == 0, "clean exit after the attacks")


def attack(daemon):
    host = b"Host: 127.0.0.1\r\n"
    # Oversized request lines: beyond our target limit and far beyond any buffer; both the JSON 414.
    expect_status(daemon, b"GET /search?q=" + b"a" * 10000 + b" HTTP/1.1\r\n" + host + b"\r\n", {414}, "10 KB target",
                  "uri_too_long")
    expect_status(daemon, b"GET /search?q=" + b"a" * 200000 + b" HTTP/1.1\r\n" + host + b"\r\n", {414},
                  "200 KB request line", "uri_too_long")
    # A thousand headers, small or big, and one huge header: the JSON 431.
    small = b"".join(b"X-H%d: v\r\n" % i for i in range(1000))
    expect_status(daemon, b"GET /health HTTP/1.1\r\n" + host + small + b"\r\n", {431}, "1000 small headers",
                  "header_fields_too_large")
    big = b"".join(b"X-Header-%d: %s\r\n" % (i, b"v" * 100) for i in range(1000))
    expect_status(daemon, b"GET /health HTTP/1.1\r\n" + host + big + b"\r\n", {431}, "1000 big headers",
                  "header_fields_too_large")
    expect_status(daemon, b"GET /health HTTP/1.1\r\n" + host + b"X-Long: " + b"z" * 100000 + b"\r\n\r\n", {431},
                  "one 100 KB header", "header_fields_too_large")
    # The same on a kept-alive connection after a normal request: the JSON 414 and 431 too.
    for name, second, code in (("10 KB target", b"GET /search?q=" + b"a" * 10000 + b" HTTP/1.1\r\n" + host + b"\r\n",
                                414),
                               ("200 small headers", b"GET /health HTTP/1.1\r\n" + host +
                                b"".join(b"X-H%d: v\r\n" % i for i in range(200)) + b"\r\n", 431),
                               ("20 KB of headers", b"GET /health HTTP/1.1\r\n" + host + b"X-Long: " + b"z" * 20000 +
                                b"\r\n\r\n", 431)):
        response = daemon.raw(b"GET /health HTTP/1.1\r\n" + host + b"\r\n" + second)
        answers = response.split(b"HTTP/1.1 ")
        check(len(answers) == 3 and answers[2].startswith(b"%d" % code),
              f"kept-alive connection, then {name}: {code} ({response[-300:]!r})")
        check(error_code_of(b"HTTP/1.1 " + answers[-1]) is not None, f"kept-alive connection, then {name}: JSON body")
        still_serving(daemon, "kept-alive " + name)

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
    expect_status(daemon, b"POST /search HTTP/1.1\r\n" + host + b"Content-Length: 3\r\n\r\nq=a", {405}, "POST",
                  "method_not_allowed")
    expect_status(daemon, b"BREW /search HTTP/1.1\r\n" + host + b"\r\n", {405, 400, 501}, "unknown method")

    # Garbage and broken protocol.
    expect_status(daemon, b"\x00\x01\x02\x03garbage\r\n\r\n", {400, None}, "binary garbage")
    expect_status(daemon, b"GET /health HTTP/9.9\r\n" + host + b"\r\n", {400, 505}, "unknown HTTP version")
    expect_status(daemon, b"GET /health HTTP/1.1\r\nBad Header Without Colon\r\n\r\n", {400}, "header without colon")

    # Pipelining: two requests in one packet, two answers.
    response = daemon.raw(b"GET /health HTTP/1.1\r\n" + host + b"\r\nGET /health HTTP/1.1\r\n" + host +
                          b"Connection: close\r\n\r\n")
    check(response.count(b"HTTP/1.1 200") == 2, "pipelined requests: two answers")

    # Idle clients are closed after the timeout.
    idle = socket.create_connection(("127.0.0.1", daemon.port))
    idle.settimeout(TIMEOUT_S + 5)
    start = time.time()
    answer = b""
    try:
        while True:  # nothing, or a JSON 408, then closed
            chunk = idle.recv(4096)
            if not chunk:
                break
            answer += chunk
        closed = answer == b"" or (status_of(answer) == 408 and error_code_of(answer) == "request_timeout")
    except (ConnectionResetError, socket.timeout):
        closed = False
    elapsed = time.time() - start
    check(closed and TIMEOUT_S - 0.5 < elapsed < TIMEOUT_S + 3,
          f"idle connection closed after the timeout ({elapsed:.1f} s, {answer[:100]!r})")
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
    stalled.settimeout(HEAD_TIMEOUT_S + 5)
    start = time.time()
    try:
        data = stalled.recv(4096)
    except (ConnectionResetError, socket.timeout):
        data = None
    check(data is not None and b"200 OK" not in data and time.time() - start < HEAD_TIMEOUT_S + 3,
          "stalled half request dropped after the timeout")
    stalled.close()

    # Slow-loris: clients trickling a header byte every 0.3 s are never idle for the idle timeout, but
    # must send their request head within the head timeout; they get a JSON 408 and are closed. While
    # they trickle, they hold no search worker (there is one): normal requests are answered.
    tricklers = [socket.create_connection(("127.0.0.1", daemon.port)) for _ in range(8)]
    for t in tricklers:
        t.setblocking(False)
        t.sendall(b"GET /health HTTP/1.1\r\n" + host)
    start = time.time()
    served_meanwhile = []
    closed_at = [None] * len(tricklers)
    answers = [b""] * len(tricklers)
    while time.time() - start < HEAD_TIMEOUT_S + 4 and None in closed_at:
        for i, t in enumerate(tricklers):
            if closed_at[i] is not None:
                continue
            try:
                t.send(b"X")
            except OSError:
                pass
            try:
                chunk = t.recv(4096)
                answers[i] += chunk
                if not chunk:
                    closed_at[i] = time.time() - start
            except BlockingIOError:
                pass
            except OSError:
                closed_at[i] = time.time() - start
        if len(served_meanwhile) < 5:
            served_meanwhile.append(daemon.get("/search?q=children", timeout=5)[0])
        time.sleep(0.3)
    for t in tricklers:
        t.close()
    check(served_meanwhile == [200] * len(served_meanwhile) and served_meanwhile,
          f"while clients trickle: normal searches answered ({served_meanwhile})")
    check(None not in closed_at and max(closed_at) < HEAD_TIMEOUT_S + 2.5,
          f"trickling clients cut off after the head timeout ({closed_at})")
    check(all(status_of(a) == 408 and error_code_of(a) == "request_timeout" for a in answers),
          f"trickling clients told 408 in JSON ({answers[0][:200]!r})")
    still_serving(daemon, "after the slow-loris clients")

    # Connection flood: up to the limit the daemon holds the connections; beyond it a new connection is
    # told 503 overloaded at once (JSON, Retry-After) and closed; once the flood ends, it is served again.
    # (On a loaded machine opening the flood may take longer than TIMEOUT_S, after which the first flood
    # connections are rightly closed as idle: this part runs with a daemon of longer timeouts.)
    daemon = Daemon(args.searchd, [daemon.db], extra=["--connection-limit", str(CONNECTIONS),
                                                      "--per-ip-connection-limit", str(CONNECTIONS)])
    try:
        flood_attack(daemon, host)
    finally:
        check(daemon.stop() == 0, "clean exit after the connection flood")


def flood_attack(daemon, host):
    flood = []
    for _ in range(CONNECTIONS):
        flood.append(socket.create_connection(("127.0.0.1", daemon.port)))
    time.sleep(0.3)
    start = time.time()
    extra = socket.create_connection(("127.0.0.1", daemon.port))
    extra.sendall(b"GET /health HTTP/1.1\r\n" + host + b"\r\n")
    extra.settimeout(TIMEOUT_S)
    try:
        early = extra.recv(4096)
    except (socket.timeout, ConnectionResetError):
        early = b""
    check(status_of(early) == 503 and error_code_of(early) == "overloaded" and b"Retry-After:" in early
          and time.time() - start < 1.5,
          f"beyond the connection limit: 503 overloaded at once ({early[:200]!r})")
    extra.close()
    for s in flood:
        s.close()
    time.sleep(0.3)
    still_serving(daemon, "after the connection flood")

    # Invalid UTF-8 in a header value and NUL in the path.
    expect_status(daemon, b"GET /health HTTP/1.1\r\n" + host + b"X-Name: \xff\xfe\r\n\r\n", {200}, "invalid UTF-8 header")
    expect_status(daemon, b"GET /search%00 HTTP/1.1\r\n" + host + b"\r\n", {400}, "NUL in the path")


main()
finish("searchd_hostile_test")
