"""Hostile documents through the search page, the item and meeting pages, the Atom feed and the CSV.

Minutes whose text holds <script>, "><img onerror=...>, ]]>, control characters and invalid UTF-8 are
indexed with the real indexer into a temporary database; the daemon's answers must carry them as harmless
text: no element, attribute or script the documents did not come with, a feed that parses as XML and
follows the Atom rules (feed and entries with id, title and updated; ids absolute and unique; RFC 3339
dates), a CSV that parses, everything valid UTF-8. With Chromium installed, the pages are also loaded in
it and must not run anything."""
import argparse
import csv
import html.parser
import io
import os
import re
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from searchd_common import Daemon, build_index, check, finish  # noqa: E402
from web_common import Browser, browser_available  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--searchd", required=True)
parser.add_argument("--indexer", required=True)
args = parser.parse_args()

# The recogniser drops short inline tags (<small>, </script>) as markdown residue, so the opening tag
# carries a long attribute to reach the index; what is kept is SCRIPT_KEPT.
SCRIPT_KEPT = "<script data-note=\"a long attribute that the markup stripper keeps\">document.title='PWNED-script'"
SCRIPT = SCRIPT_KEPT + "</script>"
IMG = "\"><img src=x onerror=\"document.title='PWNED-img'\">"
CDATA = "]]><![CDATA[ <evil/> ]]>"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

# Markdown minutes of a (made-up) parish council whose words are hostile; "zebrafinch" finds them.
MARKDOWN = (
    "# Minutes of the Meeting of Hostile Parish Council held on Monday 6 March 2023 at the Village Hall\n\n"
    "Present: Councillor A Smith (Chairman), Councillor B Jones\n\n"
    "1. Apologies\n\nNone.\n\n"
    "2. Zebrafinch budget\n\n"
    "The clerk reported zebrafinch " + SCRIPT + " and " + IMG + " to the council.\n\n"
    "Councillor Smith said the zebrafinch feed ended with " + CDATA + " and &amp; &lt;b&gt; entities.\n\n"
    "3. Control characters\n\n"
    "Zebrafinch bell\x07 escape\x1b[31m red nul-ish\x01 text and a javascript:alert(1) link.\n\n"
    "RESOLVED that the zebrafinch report " + IMG + " be noted.\n"
).encode("utf-8")
# The same kind of text with bytes that are not UTF-8.
INVALID = (b"Minutes of Bad Bytes Town Council meeting held on 7 March 2023\n\n"
           b"1. Zebrafinch \xff\xfe invalid \xc3\x28 bytes \xed\xa0\x80 surrogate <script>x()</script>\n\n"
           b"Zebrafinch text \xe2\x80 cut short and \xc0\xaf overlong.\n")
# HTML whose *text* (after entity decoding) is hostile: the reader must not make it markup.
HTML = ("<!doctype html><html><head><title>Minutes</title></head><body>"
        "<h1>Minutes of Escaped Town Council meeting held on 8 March 2023</h1>"
        "<p>1. Zebrafinch &lt;script&gt;document.title='PWNED-entity'&lt;/script&gt; item</p>"
        "<p>Zebrafinch &quot;&gt;&lt;img src=x onerror=alert(1)&gt; and ]]&gt; in text.</p>"
        "<script>document.title='PWNED-source'</script></body></html>").encode("utf-8")


class Structure(html.parser.HTMLParser):
    """Every start tag with its attributes, the text of script elements, and the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.scripts = []
        self.text = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def no_raw_controls(data, what):
    bad = [c for c in data if (c < 0x20 and c not in (9, 10, 13)) or c == 0x7F]
    check(not bad, f"{what}: no raw control characters ({bad[:5]})")


def check_page(data, what, expect_text=()):
    """The page is valid UTF-8, holds exactly our markup, and shows the hostile strings as text."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        check(False, f"{what}: valid UTF-8 ({error})")
        return
    no_raw_controls(data, what)
    page = Structure()
    page.feed(text)
    tags = [tag for tag, _ in page.tags]
    check(tags.count("script") == 1, f"{what}: one script element, ours ({tags.count('script')})")
    check(all("PWNED" not in s for s in page.scripts), f"{what}: no script from the documents")
    check("img" not in tags, f"{what}: no img element")
    check("evil" not in tags, f"{what}: no element from ]]> text")
    handlers = [(tag, name) for tag, attrs in page.tags for name, _ in attrs if name.lower().startswith("on")]
    check(not handlers, f"{what}: no event handler attributes ({handlers[:3]})")
    links = [value for _, attrs in page.tags for name, value in attrs if name in ("href", "src", "action")]
    check(not any(v and v.strip().lower().startswith("javascript:") for v in links), f"{what}: no javascript: URL")
    shown = "".join(page.text)
    for expected in expect_text:
        check(expected in shown, f"{what}: shows {expected!r} as text")


def check_feed(data, what, expect_text=()):
    no_raw_controls(data, what)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        check(False, f"{what}: parses as XML ({error})")
        return
    check(root.tag == ATOM + "feed", f"{what}: an Atom feed element ({root.tag})")

    def one(parent, name, where):
        found = parent.findall(ATOM + name)
        check(len(found) == 1, f"{what}: {where} has exactly one {name} ({len(found)})")
        return found[0] if found else None

    for name in ("id", "title", "updated"):
        one(root, name, "feed")
    updated = root.find(ATOM + "updated")
    check(updated is not None and RFC3339.match(updated.text or ""), f"{what}: feed updated is RFC 3339")
    feed_has_author = root.find(ATOM + "author") is not None
    ids = []
    entries = root.findall(ATOM + "entry")
    for entry in entries:
        entry_id = one(entry, "id", "entry")
        one(entry, "title", "entry")
        stamp = one(entry, "updated", "entry")
        if entry_id is not None:
            ids.append(entry_id.text)
            check(re.match(r"^[a-z][a-z0-9+.-]*:", entry_id.text or ""), f"{what}: entry id is an absolute IRI")
        check(stamp is not None and RFC3339.match(stamp.text or ""), f"{what}: entry updated is RFC 3339")
        check(feed_has_author or entry.find(ATOM + "author") is not None, f"{what}: every entry has an author")
        alternates = [l for l in entry.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
        check(len(alternates) >= 1, f"{what}: entry links to its page")
        for element in entry.iter():
            check(element.get("type", "text") == "text" or element.tag == ATOM + "link",
                  f"{what}: text constructs are plain text ({element.tag})")
    check(len(ids) == len(set(ids)), f"{what}: entry ids unique")
    shown = "".join(root.itertext())
    for expected in expect_text:
        check(expected in shown, f"{what}: carries {expected!r} as text")
    return entries


def main():
    with tempfile.TemporaryDirectory(prefix="web-hostile-e2e-") as work:
        docs = os.path.join(work, "docs")
        os.mkdir(docs)
        for name, data in (("hostile.md", MARKDOWN), ("invalid.txt", INVALID), ("escaped.html", HTML)):
            with open(os.path.join(docs, name), "wb") as f:
                f.write(data)
        db = os.path.join(work, "db")
        os.mkdir(db)
        build_index(args.indexer, db, [docs])
        daemon = Daemon(args.searchd, [db])
        try:
            exercise(daemon)
        finally:
            check(daemon.stop() == 0, "daemon exits 0")
    finish("web_hostile_test")


def exercise(daemon):
    # The hostile text really is in the index (else this test would prove nothing).
    status, _, doc = daemon.get_json("/search?q=zebrafinch&limit=20&by=passage")
    check(status == 200 and doc and doc["hits"], f"the hostile documents are found ({status})")
    if not doc or not doc["hits"]:
        return
    stored = ""
    for hit in doc["hits"]:
        item = daemon.get_json("/items/" + urllib.parse.quote(hit["item_id"]))[2] or {}
        stored += item.get("title", "") + "\n" + "\n".join(p["text"] for p in item.get("passages", []))
    for needle in (SCRIPT_KEPT, IMG, "]]>", "\ufffd"):
        check(needle in stored, f"the index holds {needle!r}")
    item_ids = sorted({h["item_id"] for h in doc["hits"]})
    meeting_ids = sorted({h["meeting_id"] for h in doc["hits"]})

    # The search page, with the hostile documents and with hostile queries.
    targets = ["/?q=zebrafinch", "/?q=zebrafinch&by=passage&limit=20", "/?q=zebrafinch&by=meeting",
               "/?" + urllib.parse.urlencode({"q": "zebrafinch " + SCRIPT}),
               "/?" + urllib.parse.urlencode({"q": IMG}),
               "/?" + urllib.parse.urlencode({"q": "zebrafinch", "committee": IMG}),
               "/?" + urllib.parse.urlencode({"q": CDATA}),
               "/?" + urllib.parse.urlencode({"q": "zebrafinch", "limit": IMG})]
    for target in targets:
        status, headers, body = daemon.get(target)
        check(status in (200, 400), f"{target[:60]}: answered ({status})")
        check("script-src 'sha256-" in headers.get("content-security-policy", ""), f"{target[:60]}: CSP header")
        check_page(body, "page " + target[:60])
    status, _, body = daemon.get("/?q=zebrafinch&by=passage&limit=20")
    check_page(body, "passages page", expect_text=(SCRIPT_KEPT, IMG, "]]>"))
    status, _, body = daemon.get("/?" + urllib.parse.urlencode({"q": "zebrafinch " + SCRIPT}))
    check(b"value=\"zebrafinch &lt;script data-note=&quot;a long" in body, "the hostile query is kept, escaped, in the search box")

    # A control character in the request itself is refused, not echoed.
    status, _, _ = daemon.get("/?q=zebra%01finch")
    check(status == 400, f"control character in the query: 400 ({status})")

    # Item and meeting pages, with and without a hostile query to highlight.
    for item_id in item_ids:
        for query in ("", "?" + urllib.parse.urlencode({"q": "zebrafinch " + SCRIPT, "passage": "1"})):
            target = "/items/" + urllib.parse.quote(item_id) + query
            status, _, body = daemon.get(target, headers={"Accept": BROWSER_ACCEPT})
            check(status == 200, f"{target[:60]}: 200 ({status})")
            check_page(body, "item " + target[:60])
    for meeting_id in meeting_ids:
        status, _, body = daemon.get("/meetings/" + urllib.parse.quote(meeting_id), headers={"Accept": BROWSER_ACCEPT})
        check(status == 200, f"meeting page: 200 ({status})")
        check_page(body, "meeting " + meeting_id)

    # The feed, of the documents and of hostile queries.
    status, headers, body = daemon.get("/search.atom?q=zebrafinch")
    check(status == 200 and headers.get("content-type", "").startswith("application/atom+xml"), f"feed: 200 ({status})")
    entries = check_feed(body, "feed", expect_text=(SCRIPT_KEPT, IMG))
    check(entries is not None and len(entries) >= 2, "feed: entries for the hostile items")
    check(b"<script" not in body and b"<img" not in body, "feed: no raw markup from the documents")
    for query in (CDATA, SCRIPT + " zebrafinch", IMG):
        status, _, body = daemon.get("/search.atom?" + urllib.parse.urlencode({"q": query}))
        check(status in (200, 400), f"feed for {query[:30]!r}: answered ({status})")
        if status == 200:
            check_feed(body, f"feed for {query[:30]!r}")
    status, _, body = daemon.get("/search.atom?" + urllib.parse.urlencode({"q": "zebrafinch", "committee": CDATA}))
    check(status == 200, f"feed with a hostile committee filter: 200 ({status})")
    check_feed(body, "feed with hostile filter", expect_text=(CDATA,))

    # The CSV parses, and holds the strings as they are.
    status, headers, body = daemon.get("/search.csv?q=zebrafinch&by=passage&limit=20")
    check(status == 200 and headers.get("content-type", "").startswith("text/csv"), f"csv: 200 ({status})")
    no_raw_controls(body, "csv")
    try:
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error) as error:
        check(False, f"csv parses ({error})")
        rows = []
    check(rows and rows[0][:3] == ["rank", "id", "date"], "csv: header row")
    check(all(len(r) == len(rows[0]) for r in rows), "csv: every row has every column")
    cells = [cell for row in rows[1:] for cell in row]
    check(any(SCRIPT_KEPT in c for c in cells), "csv: the script text, verbatim")
    check(any(IMG in c for c in cells), "csv: the img text, verbatim")
    check(any("]]>" in c for c in cells), "csv: ]]> verbatim")

    if browser_available():
        in_browser(daemon, item_ids)
    else:
        print("note: chromium not installed; the in-browser part is skipped")


def in_browser(daemon, item_ids):
    browser = Browser()
    try:
        base = f"http://127.0.0.1:{daemon.port}"
        pages = [base + "/?q=zebrafinch&by=passage&limit=20",
                 base + "/?" + urllib.parse.urlencode({"q": "zebrafinch " + SCRIPT}),
                 base + "/search.atom?q=zebrafinch"]
        pages += [base + "/items/" + urllib.parse.quote(i) + "?q=zebrafinch" for i in item_ids]
        for url in pages:
            browser.get(url)
            title = browser.title()
            check(not title.startswith("PWNED"), f"in Chromium, nothing ran on {url[len(base):][:50]} (title {title!r})")
            images = browser.js("return document.images.length")
            check(images == 0, f"in Chromium, no image element on {url[len(base):][:50]}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
