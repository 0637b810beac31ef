"""Headless Chromium for the page tests: chromedriver started on a free loopback port and spoken to over
the W3C WebDriver HTTP protocol with python3 stdlib only (no selenium)."""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

from searchd_common import free_port

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
# The launch flags of issue 11: no sandbox (root in CI), nothing fetched from the network by the browser.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-dev-shm-usage", "--lang=en-GB"]


def browser_available():
    return os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)


class WebDriverError(RuntimeError):
    pass


class Browser:
    """One chromedriver and one Chromium session with a fresh user-data dir, ended by close()."""

    def __init__(self, width=1280, height=900):
        self.profile = tempfile.mkdtemp(prefix="minutes-chromium-")
        self.port = free_port()
        self.driver = subprocess.Popen([CHROMEDRIVER, f"--port={self.port}"], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 30
        while True:
            try:
                if self._call("GET", "/status").get("ready"):
                    break
            except (OSError, WebDriverError):
                pass
            if time.time() > deadline:
                self.close()
                raise WebDriverError("chromedriver did not start")
            time.sleep(0.2)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM,
                                   "args": CHROMIUM_ARGS + [f"--user-data-dir={self.profile}",
                                                            f"--window-size={width},{height}"]},
            "goog:loggingPrefs": {"browser": "ALL"},
            "pageLoadStrategy": "normal",
        }}}
        try:
            self.session = self._call("POST", "/session", caps)["sessionId"]
        except Exception:
            self.close()
            raise

    def _call(self, method, path, body=None, timeout=60):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                payload = json.loads(response.read().decode() or "{}")
        except urllib.error.HTTPError as error:
            payload = json.loads(error.read().decode() or "{}")
            raise WebDriverError(f"{method} {path}: {payload.get('value', payload)}") from None
        return payload.get("value", payload)

    def _s(self, method, path, body=None):
        return self._call(method, f"/session/{self.session}{path}", body)

    # Navigation
    def get(self, url):
        self._s("POST", "/url", {"url": url})

    def url(self):
        return self._s("GET", "/url")

    def back(self):
        self._s("POST", "/back", {})

    def title(self):
        return self._s("GET", "/title")

    def wait_for(self, condition, what, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                value = condition()
                if value:
                    return value
            except WebDriverError:
                pass
            time.sleep(0.1)
        raise WebDriverError("timed out waiting for " + what)

    def wait_for_url_change(self, old):
        self.wait_for(lambda: self.url() != old and self.js("return document.readyState") == "complete",
                      "the next page")

    # Elements
    def find(self, css):
        return self._s("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def find_all(self, css):
        return [e[ELEMENT] for e in self._s("POST", "/elements", {"using": "css selector", "value": css})]

    def link(self, text):
        return self._s("POST", "/element", {"using": "partial link text", "value": text})[ELEMENT]

    def click(self, element):
        self._s("POST", f"/element/{element}/click", {})

    def type(self, element, text):
        self._s("POST", f"/element/{element}/value", {"text": text})

    def text(self, element):
        return self._s("GET", f"/element/{element}/text")

    def attribute(self, element, name):
        return self._s("GET", f"/element/{element}/attribute/{name}")

    def property(self, element, name):
        return self._s("GET", f"/element/{element}/property/{name}")

    def texts(self, css):
        return [self.text(e) for e in self.find_all(css)]

    def js(self, script, *args):
        return self._s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def press(self, *keys):
        """Real key presses (so :focus-visible applies): WebDriver key codes, e.g. TAB."""
        actions = []
        for key in keys:
            actions += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self._s("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})

    TAB = "\ue004"
    ENTER = "\ue007"

    # Window, screenshots, logs
    def resize(self, width, height):
        self._s("POST", "/window/rect", {"width": width, "height": height})

    def screenshot(self, path):
        png = base64.b64decode(self._s("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)
        return len(png)

    def console(self):
        try:
            return self._s("POST", "/se/log", {"type": "browser"})
        except WebDriverError:
            return []

    def close(self):
        try:
            if getattr(self, "session", None):
                self._s("DELETE", "")
        except (OSError, WebDriverError):
            pass
        if self.driver.poll() is None:
            self.driver.terminate()
            try:
                self.driver.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.driver.kill()
                self.driver.wait()
        shutil.rmtree(self.profile, ignore_errors=True)
