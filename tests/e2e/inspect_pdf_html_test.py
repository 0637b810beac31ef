#!/usr/bin/env python3
"""End-to-end test of `minutes-index inspect` on PDF and HTML: every PDF item and passage carries its
page (1-based, within the document), HTML pages without page markers carry none, and a bad PDF
fails alone with its reason while the other files are still inspected.

usage: inspect_pdf_html_test.py MINUTES_INDEX CORPORA_DIR BAD_INPUTS_DIR
"""
import json
import os
import subprocess
import sys

PDFS = {  # file -> its number of pages
    'kent-cc/2024-12-19_county-council_minutes.pdf': 15,
    'kent-cc/2025-01-09_cabinet_minutes.pdf': 9,
    'nipissing-township/Minutes-April-16-2024.pdf': 2,
}
HTML = 'stokeferry-parish/2001-02_minutes-of-the-stoke-ferry-parish-council-meeting.html'


def main():
    exe, corpora, bad = sys.argv[1], sys.argv[2], sys.argv[3]
    files = [os.path.join(corpora, f) for f in PDFS] + [os.path.join(corpora, HTML),
                                                         os.path.join(bad, 'encrypted.pdf')]
    run = subprocess.run([exe, 'inspect', '--compact'] + files, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, timeout=300)
    if 'encrypted.pdf' not in run.stderr or 'encrypted PDF' not in run.stderr:
        sys.exit(f'FAIL: no reason given for encrypted.pdf; stderr was {run.stderr!r}')
    if run.returncode == 0:
        sys.exit('FAIL: exit code 0 although one file failed')
    documents = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    by_source = {os.path.relpath(d['source'], corpora): d for d in documents}
    checked = 0
    for name, pages in PDFS.items():
        doc = by_source.get(name)
        if doc is None:
            sys.exit(f'FAIL: no document for {name}')
        if doc['format'] != 'pdf':
            sys.exit(f'FAIL: {name}: format {doc["format"]}')
        for item in doc['items']:
            for where in [item] + item['passages']:
                page = where.get('page')
                if not isinstance(page, int) or not 1 <= page <= pages:
                    sys.exit(f'FAIL: {name}: page {page!r} outside 1..{pages} in item {item.get("title")!r}')
        checked += sum(len(item['passages']) for item in doc['items'])
    # How many items the recogniser finds is its own tests' business; here some passages must exist.
    if checked == 0:
        sys.exit('FAIL: no PDF passage to check')
    html = by_source.get(HTML)
    if html is None or html['format'] != 'html':
        sys.exit(f'FAIL: the HTML page was not inspected: {html!r}')
    for item in html['items']:
        if item.get('page') is not None or any(p.get('page') is not None for p in item['passages']):
            sys.exit('FAIL: the HTML page has pages')
    print('PASS: inspect on PDF and HTML')


if __name__ == '__main__':
    main()
