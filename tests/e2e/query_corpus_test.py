#!/usr/bin/env python3
"""End to end: minutes-index builds an index of the project's sample corpus (corpora/: the Worcestershire
minutes plus a sample of every other council), then minutes-query answers the searches of issue 5.
Expectations come from reading corpora/worcestershire/children-families-panel-minutes.md.

usage: query_corpus_test.py MINUTES_INDEX MINUTES_QUERY CORPUS_DIR
"""
import csv, io, json, os, shutil, subprocess, sys, tempfile

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print('FAIL: ' + msg)


def query(exe, db, *args):
    r = subprocess.run([exe, '--db', db, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return r


def search(exe, db, *args):
    r = query(exe, db, '--format', 'json', *args)
    if r.returncode not in (0, 1):
        failures.append(f'{args}: exit {r.returncode}: {r.stderr.strip()}')
        return None, r
    return json.loads(r.stdout), r


def worcs(hit):
    return hit['council'] == 'Worcestershire County Council'


def main():
    indexer, exe, corpus = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    work = tempfile.mkdtemp(prefix='minutes-query-e2e-')
    try:
        db = os.path.join(work, 'db')
        r = subprocess.run([indexer, 'add', '--db', db, corpus], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode not in (0, 1) or not os.path.isdir(db):
            sys.exit(f'FAIL: indexing {corpus} exited {r.returncode}: {r.stderr[-2000:]}')

        # "children's centres": minute 271 (Optimising the Use of Children's Centre Buildings) first.
        d, _ = search(exe, db, "children's centres")
        if d:
            check(d['hits'] and worcs(d['hits'][0]) and d['hits'][0]['item_number'] == '271',
                  f"children's centres: first hit {d['hits'][0]['item_number'] if d['hits'] else None}, want 271")
            h = d['hits'][0] if d['hits'] else {}
            check(h.get('citation', '').startswith('Worcestershire County Council, Children and Families Overview '
                                                  'and Scrutiny Panel, 13 March 2017, minute 271'),
                  f"citation of 271: {h.get('citation')}")
            check(h.get('date') == '2017-03-13', f"date of 271: {h.get('date')}")
            marked = [h['snippet'].encode()[o:o + n].decode().lower() for o, n in h.get('highlights', [])]
            check(any(m.startswith('centre') for m in marked), f'271 snippet highlights {marked}')

        # role:officer "holding your nerve": the bullet reporting the Director's visit in 272.
        d, r = search(exe, db, 'role:officer "holding your nerve"')
        if d:
            hits = d['hits']
            check(len(hits) == 1 and hits[0]['item_number'] == '272' and hits[0]['speaker_role'] == 'officer'
                  and 'holding your nerve' in hits[0]['snippet'],
                  'role:officer "holding your nerve": want 272 with an officer speaking, got ' +
                  json.dumps([(x['item_number'], x['speaker'], x['speaker_role']) for x in hits]))

        # member:Oborski: her declaration (268) first, with her name in the snippet.
        for q in ('member:Oborski', 'member:"Mrs F M Oborski"'):
            d, _ = search(exe, db, q)
            if d:
                h = d['hits'][0] if d['hits'] else {}
                check(h.get('item_number') == '268' and 'Oborski' in h.get('snippet', ''),
                      f"{q}: first hit {h.get('item_number')} {h.get('snippet', '')[:60]!r}, want 268")

        # type:decision in the panel's committee named by its first words: 270 (minutes agreed) and 271
        # (agreed to receive a further update).
        d, _ = search(exe, db, 'type:decision committee:"Children and Families"')
        if d:
            found = sorted(h['item_number'] for h in d['hits'])
            check(found == ['270', '271'], f'type:decision committee:"Children and Families": {found}, want 270, 271')
        d2, _ = search(exe, db, '--type', 'decision', '--committee', 'Children and Families')
        if d and d2:
            check([h['id'] for h in d['hits']] == [h['id'] for h in d2['hits']], 'options and query words differ')

        # SIP: passages that only say "Service Improvement Plan" (272's first paragraph) are found.
        d, _ = search(exe, db, 'SIP', '--by', 'passage', '--limit', '100', '--committee', 'children and families')
        if d:
            long_only = [h for h in d['hits'] if 'Service Improvement Plan' in h['snippet'] and 'SIP' not in h['snippet']]
            check(long_only, 'SIP --by passage: no passage saying only "Service Improvement Plan"')

        # A misspelling: no results (exit 1) and a suggestion from the index's vocabulary.
        d, r = search(exe, db, 'safegaurding')
        if d:
            check(r.returncode == 1 and not d['hits'], f'safegaurding: exit {r.returncode}, {len(d["hits"])} hits')
            check(d['suggestion'] == 'safeguarding', f"safegaurding: suggestion {d['suggestion']!r}")
            check('did you mean "safeguarding"' in r.stderr, f'safegaurding: message {r.stderr.strip()!r}')

        # Facets against counts found independently. The Worcestershire minutes hold six agenda items
        # (267-272) of one meeting of one committee in 2017.
        d, _ = search(exe, db, 'council:worcestershire', '--facets')
        if d:
            f = {name: {v['value']: v['count'] for v in values} for name, values in d['facets'].items()}
            check(d['total_estimate'] == 6 and d['total_exact'], f"council:worcestershire: {d['total_estimate']} items, want 6")
            check(f.get('committee') == {'Children and Families Overview and Scrutiny Panel': 6}, f"committee facet {f.get('committee')}")
            check(f.get('year') == {'2017': 6}, f"year facet {f.get('year')}")
            check(f.get('type', {}).get('declaration') == 1, f"type facet {f.get('type')}")
        # Every facet count equals the number of hits of the same search filtered on that value, which
        # the index answers from its terms rather than from the value slots the facets read.
        filters = {'committee': '--committee', 'council': '--council', 'type': '--type', 'role': '--role'}
        for q in ('council OR committee', 'budget', 'planning'):
            d, _ = search(exe, db, q, '--facets')
            if not d:
                continue
            for name, option in filters.items():
                for v in d['facets'].get(name, [])[:4]:
                    e, _ = search(exe, db, q, option, v['value'], '--limit', '1', '--facet-list', name)
                    if e is None:
                        continue
                    check(e['total_exact'], f'{q} {name}: count with facets not exact')
                    # Names filter by their words (a longer name holding them matches too), so a count is a floor.
                    ok = e['total_estimate'] == v['count'] if name in ('type', 'role') else e['total_estimate'] >= v['count']
                    check(ok, f'{q} {name}={v["value"]!r}: facet {v["count"]}, filtered search {e["total_estimate"]}')
            for v in d['facets'].get('year', [])[:4]:
                e, _ = search(exe, db, q, '--from', v['value'], '--to', v['value'], '--limit', '1', '--facet-list', 'year')
                if e:
                    check(e['total_exact'] and e['total_estimate'] == v['count'], f'{q} year {v["value"]}: facet {v["count"]}, filtered {e["total_estimate"]}')

        # More like this: the item itself is never among the hits.
        d, _ = search(exe, db, "children's centres", '--limit', '1')
        if d and d['hits']:
            item = d['hits'][0]['id']
            e, r = search(exe, db, '--like', item)
            if e:
                check(r.returncode == 0 and e['hits'] and item not in [h['id'] for h in e['hits']], f'--like {item}')

        # Table and CSV.
        r = query(exe, db, "children's centres", '--limit', '2', '--color', 'never')
        check(r.returncode == 0 and 'Minute 271: Progress Update on Optimising the Use of Children' in r.stdout, 'table output')
        r = query(exe, db, "children's centres", '--limit', '2', '--format', 'csv')
        rows = list(csv.reader(io.StringIO(r.stdout)))
        check(rows and rows[0][:3] == ['rank', 'id', 'date'] and len(rows) == 3 and rows[1][5] == '271', f'csv: {rows[:2]}')

        # Errors: one line, exit 2.
        for args in (['role:bogus'], ['x', '--limit', '1000'], ['x', '--sort', 'best'], ['x', '--nonsense'],
                     ['x', '--from', '2017-02-30'], ['(' * 3 + 'x', '--offset', '5000']):
            r = query(exe, db, *args)
            check(r.returncode == 2 and r.stderr.count('\n') == 1 and r.stderr.startswith('minutes-query: '),
                  f'{args}: exit {r.returncode}, stderr {r.stderr!r}')
        r = subprocess.run([exe, 'x'], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        check(r.returncode == 2, f'no --db: exit {r.returncode}')
        r = query(exe, os.path.join(work, 'missing'), 'x')
        check(r.returncode == 3 and 'not found' in r.stderr, f'missing db: exit {r.returncode} {r.stderr!r}')
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f'{len(failures)} check(s) failed')
    print('ok')


if __name__ == '__main__':
    main()
