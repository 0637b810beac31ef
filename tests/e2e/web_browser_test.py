"""The search page in headless Chromium, driven as a person would: type a query, read the first results and
the facet counts, click a facet and a date range, sort by newest, open an item, follow "more like this",
go back, and check that the URL alone restores the same page. Also keyboard focus, phone width, the CSP
(the one hashed script runs, nothing is refused) and screenshots at desktop and phone widths.

The index holds several councils of ../shared/corpora (the repository's corpora/ when absent). Expectations
come from reading corpora/worcestershire/children-families-panel-minutes.md: "safeguarding" appears in four
of its six minutes (267 "Worcestershire Safeguarding Children's Board", 268 "Safeguarding Improvement
Board", 271 "Safeguarding Improvement Plan", 272 "Local Safeguarding Children Board"), all of the Children
and Families Overview and Scrutiny Panel on 13 March 2017; minute 271 ends with the Panel's decision;
Ms L R Duffy chaired."""
import argparse
import os
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from searchd_common import Daemon, build_index, check, finish  # noqa: E402
from web_common import Browser, browser_available  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--searchd", required=True)
parser.add_argument("--indexer", required=True)
parser.add_argument("--sample", required=True, help="the repository's corpora/")
parser.add_argument("--shared", required=True, help="../shared/corpora (used when present)")
parser.add_argument("--screenshots", required=True, help="directory for the PNGs (in the build dir)")
args = parser.parse_args()

PANEL = "Children and Families Overview and Scrutiny Panel"
PANEL_MINUTES = {
    "Minute 267: Apologies and Welcome",
    "Minute 268: Declaration of Interest and of any Party Whip",
    "Minute 271: Progress Update on Optimising the Use of Children's Centre Buildings",
    "Minute 272: Update on Children's Services Improvement Plan",
}
COUNCILS = ["worcestershire", "kent-cc", "limerick", "govan-cc", "stokeferry-parish"]
DESKTOP = (1280, 900)
PHONE = (390, 844)


FACET_VALUES = """return Array.from(document.querySelectorAll(arguments[0])).map(function (a) {
    var v = a.querySelector('.value').cloneNode(true);
    v.querySelectorAll('span').forEach(function (s) { s.remove(); });
    var c = a.querySelector('.count');
    return [v.textContent.trim(), c ? parseInt(c.textContent.replace(/[^0-9]/g, ''), 10) : 0];
});"""


def facet_counts(browser, facet):
    """{value: count} of one facet list as shown (the value without the hidden words around it)."""
    return dict(browser.js(FACET_VALUES, f"section[aria-labelledby=facet-{facet}] a"))


def selected_facets(browser):
    return [value for value, _ in browser.js(FACET_VALUES, ".facets a.on")]


def result_titles(browser):
    return browser.texts("li.hit h3 a")


def page_state(browser):
    """What a person sees of a results page: summary, titles, selected facets, form values."""
    return {
        "summary": browser.text(browser.find("#results-heading")),
        "titles": result_titles(browser),
        "selected": selected_facets(browser),
        "q": browser.property(browser.find("#q"), "value"),
        "from": browser.property(browser.find("#f-from"), "value"),
        "sort": browser.property(browser.find("#f-sort"), "value"),
    }


def shoot(browser, name, size):
    browser.resize(*size)
    browser.js("window.scrollTo(0, 0)")
    path = os.path.join(args.screenshots, f"{name}-{'desktop' if size == DESKTOP else 'phone'}.png")
    size_bytes = browser.screenshot(path)
    check(size_bytes > 5000, f"screenshot {path} written ({size_bytes} bytes)")
    if size == PHONE:
        overflow = browser.js("return document.documentElement.scrollWidth - window.innerWidth")
        check(overflow <= 0, f"{name}: no sideways scrolling at phone width (overflow {overflow}px)")
    browser.resize(*DESKTOP)


def main():
    if not browser_available():
        print("SKIP: chromium and chromium-driver are not installed (scripts/install-deps installs them)")
        sys.exit(77)
    os.makedirs(args.screenshots, exist_ok=True)
    shared = os.path.isdir(os.path.join(args.shared, "worcestershire"))
    root = args.shared if shared else args.sample
    with tempfile.TemporaryDirectory(prefix="web-browser-e2e-") as work:
        db = os.path.join(work, "db")
        os.mkdir(db)
        build_index(args.indexer, db, [os.path.join(root, c) for c in COUNCILS if os.path.isdir(os.path.join(root, c))])
        daemon = Daemon(args.searchd, [db])
        browser = None
        try:
            browser = Browser(*DESKTOP)
            exercise(browser, f"http://127.0.0.1:{daemon.port}")
        finally:
            if browser:
                browser.close()
            check(daemon.stop() == 0, "daemon exits 0")
    finish("web_browser_test")


def exercise(browser, base):
    # The landing page: a search box with its label; keyboard focus starts at the skip link.
    browser.get(base + "/")
    check(browser.title().startswith("Search the minutes"), f"landing title ({browser.title()!r})")
    browser.press(Browser.TAB)
    focused = browser.js("var e=document.activeElement; return [e.className, e.getBoundingClientRect().left, "
                         "getComputedStyle(e).outlineStyle, getComputedStyle(e).backgroundColor]")
    check(focused[0] == "skip" and focused[1] >= 0, f"first Tab: the skip link, shown ({focused})")
    browser.press(Browser.TAB, Browser.TAB)
    focused = browser.js("var e=document.activeElement; var s=getComputedStyle(e); return [e.id, s.outlineStyle, s.outlineWidth]")
    check(focused[0] == "q" and focused[1] == "solid" and focused[2] == "3px",
          f"Tab reaches the search box, with a visible focus ring ({focused})")
    shoot(browser, "landing", DESKTOP)

    # Type a query and press Enter.
    box = browser.find("#q")
    browser.type(box, "safeguarding")
    old = browser.url()
    browser.press(Browser.ENTER)
    browser.wait_for_url_change(old)
    url = browser.url()
    check(urllib.parse.parse_qs(urllib.parse.urlparse(url).query) == {"q": ["safeguarding"]},
          f"the URL holds the query alone ({url})")
    titles = result_titles(browser)
    check(PANEL_MINUTES <= set(titles), f"the panel's four minutes on safeguarding are listed ({titles})")
    check(len(titles) >= 4, "results listed")
    committees = facet_counts(browser, "committee")
    check(committees.get(PANEL) == 4, f"committee facet: the panel has 4 ({committees})")
    councils = facet_counts(browser, "council")
    check(councils.get("Worcestershire County Council") == 4, f"council facet: Worcestershire 4 ({councils})")
    check(len(councils) >= 2, f"more than one council matches ({councils})")
    years = facet_counts(browser, "year")
    check(years.get("2017", 0) >= 4, f"year facet: 2017 has the panel's 4 ({years})")
    summary = browser.text(browser.find("#results-heading"))
    total = int(summary.split()[0])
    check(total == sum(councils.values()) or total >= sum(councils.values()),
          f"the summary counts every council's items ({summary}, {councils})")
    hit = browser.find("li.hit")
    check("Cite:" in browser.text(hit), "each result has a citation")
    check(browser.js("return document.querySelectorAll('li.hit mark').length") > 0, "snippets are highlighted")
    buttons = browser.js("return Array.from(document.querySelectorAll('button[data-copy]')).filter(b => !b.hidden).length")
    check(buttons == len(titles), f"the hashed script ran under the CSP: copy buttons shown ({buttons})")
    shoot(browser, "search", DESKTOP)
    shoot(browser, "search", PHONE)

    # Click the committee facet: the URL gains the filter, the results narrow to the panel's four.
    old = browser.url()
    browser.click(browser.find(f"section[aria-labelledby=facet-committee] a[href*='committee=Children']"))
    browser.wait_for_url_change(old)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(browser.url()).query)
    check(query.get("committee") == [PANEL], f"facet click adds committee= ({browser.url()})")
    check(set(result_titles(browser)) == PANEL_MINUTES, f"narrowed to the panel's four ({result_titles(browser)})")
    check(selected_facets(browser) == [PANEL], f"the facet is shown selected ({selected_facets(browser)})")

    # A date range: the 2017 year facet sets from/to; the date fields show it.
    old = browser.url()
    browser.click(browser.find("section[aria-labelledby=facet-year] a[href*='from=2017-01-01']"))
    browser.wait_for_url_change(old)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(browser.url()).query)
    check(query.get("from") == ["2017-01-01"] and query.get("to") == ["2017-12-31"], f"year click sets the range ({browser.url()})")
    check(browser.property(browser.find("#f-from"), "value") == "2017-01-01", "the from field shows the range")
    check(set(result_titles(browser)) == PANEL_MINUTES, "the 2017 range keeps the four")
    shoot(browser, "narrowed", DESKTOP)
    shoot(browser, "narrowed", PHONE)

    # A range typed in the form that excludes the meeting: the empty result says what to drop.
    narrowed_url = browser.url()
    browser.js("document.getElementById('f-from').value = '2017-03-14'")
    old = browser.url()
    browser.click(browser.find("form.search button[type=submit]"))
    browser.wait_for_url_change(old)
    empty = browser.text(browser.find(".empty"))
    check("Nothing in the minutes matches" in empty, "an empty result explains itself")
    drops = browser.texts(".drops a")
    check(any(d.startswith("Without From 14 March 2017") for d in drops), f"it offers to drop the new date ({drops})")
    browser.get(narrowed_url)

    # Sort by newest with the form.
    sort = browser.find("#f-sort")
    browser.click(sort)
    browser.click(browser.find("#f-sort option[value=newest]"))
    old = browser.url()
    browser.click(browser.find("form.search button[type=submit]"))
    browser.wait_for_url_change(old)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(browser.url()).query)
    check(query.get("sort") == ["newest"] and query.get("committee") == [PANEL] and query.get("from") == ["2017-01-01"],
          f"sorting keeps the filters and adds sort=newest ({browser.url()})")
    check("newest first" in browser.text(browser.find(".actions")), "the list says newest first")
    results_url = browser.url()
    before = page_state(browser)

    # Open minute 271.
    old = browser.url()
    browser.click(browser.link("Minute 271"))
    browser.wait_for_url_change(old)
    item_url = browser.url()
    h1 = browser.text(browser.find("h1"))
    check(h1 == "Minute 271: Progress Update on Optimising the Use of Children's Centre Buildings", f"item page ({h1})")
    marked = browser.texts(".passage mark")
    check(any(m.lower() == "safeguarding" for m in marked), f"the search's word is marked on the item page ({marked[:5]})")
    check(len(browser.find_all(".passage.matched")) == 1, "the matched passage is highlighted")
    decision = browser.texts(".passage.decision")
    check(any("further update at the end of the year" in d for d in decision), "the decision is marked")
    check("Ms L R Duffy" in browser.text(browser.find(".attendance")), "attendance: Ms L R Duffy")
    check("minute 271" in browser.text(browser.find("#cite-item")), "item citation")
    # Printed, the item keeps its text and drops the navigation.
    browser._s("POST", "/goog/cdp/execute", {"cmd": "Emulation.setEmulatedMedia", "params": {"media": "print"}})
    shown = browser.js("return ['.masthead', '.search', '.item-nav', '.similar', 'footer', '.passages']"
                       ".map(function (s) { var e = document.querySelector(s); return e ? getComputedStyle(e).display : 'absent'; })")
    check(shown[:5] == ["none", "absent", "none", "none", "none"] and shown[5] != "none",
          f"print: navigation hidden, passages kept ({shown})")
    browser._s("POST", "/goog/cdp/execute", {"cmd": "Emulation.setEmulatedMedia", "params": {"media": ""}})
    shoot(browser, "item", DESKTOP)
    shoot(browser, "item", PHONE)

    # More like this, then back.
    similar = browser.find_all(".similar ol a")
    check(len(similar) > 0, "more like this lists items")
    if similar:
        target = browser.text(similar[0])
        browser.click(similar[0])
        browser.wait_for_url_change(item_url)
        check(browser.text(browser.find("h1")) == target, f"more like this opens {target!r}")
        browser.back()
        browser.wait_for(lambda: browser.url() == item_url, "back to the item")
        check(browser.text(browser.find("h1")) == h1, "back: the item again")
    browser.back()
    browser.wait_for(lambda: browser.url() == results_url, "back to the results")
    check(page_state(browser) == before, "back: the same results page")

    # The URL alone restores the page: a fresh load of it shows the same.
    browser.get(base + "/")
    browser.get(results_url)
    check(page_state(browser) == before, f"the URL restores the same page ({page_state(browser)} vs {before})")

    # Clicking the selected facet again removes it.
    old = browser.url()
    browser.click(browser.find(".facets a.on"))
    browser.wait_for_url_change(old)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(browser.url()).query)
    check("committee" not in query and query.get("sort") == ["newest"], f"second click removes the facet ({browser.url()})")

    # Nothing refused by the CSP, no script errors.
    problems = [e.get("message", "") for e in browser.console() if e.get("level") == "SEVERE"]
    check(not problems, f"no console errors ({problems[:3]})")
    sizes = browser.js("return document.documentElement.outerHTML.length")
    check(sizes < 100 * 1024, f"page under 100 KB ({sizes} characters)")


if __name__ == "__main__":
    main()
