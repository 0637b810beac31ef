"""Shared helpers of the minutes-searchd end-to-end tests: build an index with the real indexer,
start the real daemon on a free loopback port, speak HTTP to it (python3 stdlib only)."""
import argparse
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

FAILURES = []


def daemon_test_arguments():
    """The arguments of a daemon test: the daemon and indexer built, and the repository's corpora/ sample.
    A test adds its own and calls parse_args()."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--searchd", required=True)
    parser.add_argument("--indexer", required=True)
    parser.add_argument("--sample", required=True, help="the repository's corpora/")
    return parser


def check(condition, message):
    """Records a failed expectation and carries on, so one run reports every problem."""
    if not condition:
        FAILURES.append(message)
        print("FAIL: " + message, file=sys.stderr)
    return condition


def finish(name):
    if FAILURES:
        print(f"{name}: {len(FAILURES)} failure(s)", file=sys.stderr)
        sys.exit(1)
    print(f"{name}: all checks passed")
    sys.exit(0)


def build_index(indexer, db, paths, extra=()):
    result = subprocess.run([indexer, "add", "--db", db, *extra, *paths],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=1800)
    if result.returncode not in (0, 1):  # 1: some files failed to read, which the corpus has on purpose
        raise RuntimeError(f"minutes-index add failed ({result.returncode}): {result.stderr[-2000:]}")
    return result


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Daemon:
    """minutes-searchd on 127.0.0.1, port chosen by the daemon (port 0) and read from its first line."""

    def __init__(self, binary, dbs, extra=()):
        args = [binary, "--listen", "127.0.0.1:0", *extra]
        for db in dbs:
            args += ["--db", db]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.port = None
        deadline = time.time() + 30
        lines = []
        while time.time() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            lines.append(line)
            match = re.search(r"listening on [^ ]*:(\d+) ", line)
            if match:
                self.port = int(match.group(1))
                break
        if self.port is None:
            self.process.kill()
            raise RuntimeError("minutes-searchd did not start: " + "".join(lines))
        # Keep draining stderr so the daemon never blocks on a full pipe; the lines are checked by tests
        # and printed when the daemon dies of something (a sanitizer report, an abort).
        self.lines = lines
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self):
        for line in self.process.stderr:
            self.lines.append(line)

    def get(self, target, method="GET", headers=None, body=None, timeout=30):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, target, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            return response.status, dict((k.lower(), v) for k, v in response.getheaders()), data
        finally:
            connection.close()

    def get_json(self, target, **kwargs):
        status, headers, data = self.get(target, **kwargs)
        try:
            document = json.loads(data.decode("utf-8")) if data else None
        except (UnicodeDecodeError, json.JSONDecodeError):
            document = None
        return status, headers, document

    def raw(self, payload, read_timeout=10):
        """Sends raw bytes, returns what the server answered until it closed or went quiet."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=read_timeout) as s:
            try:
                s.sendall(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass
            chunks = []
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
            except (socket.timeout, ConnectionResetError):
                pass
            return b"".join(chunks)

    def signal(self, signum):
        self.process.send_signal(signum)

    def stop(self, timeout=30):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.reader.join(timeout=5)
        if code != 0:
            print(f"minutes-searchd exited {code}; its last lines:\n" + "".join(self.lines[-30:]), file=sys.stderr)
        return code

    def alive(self):
        return self.process.poll() is None


def status_of(raw_response):
    match = re.match(rb"HTTP/1\.[01] (\d{3})", raw_response)
    return int(match.group(1)) if match else None
