#!/usr/bin/env python3
# peers-expect.py: the expectation table for the peers conformance test
#
# Prints a table (path, field, expected, dated) for the first item of every
# file in ../shared/corpus/peers, following what the peers' own tests assert
# (see that folder's SOURCE.md): the first entry's title, url, id and
# published date. It is a reference reading written from the peers'
# documented rules, independent of the importer:
#   title: title | dc:title | atom:title (RSS); title (Atom); headline, else
#          NITF hl1 (NewsML-G2/NITF); as plain text: where the peers give
#          HTML ("This &amp; this", "<b>Slack</b>"), its text ("This & this")
#   link:  feedburner:origLink (also in Atom, as feedjira's FeedBurner parsers) | link | atom:link[rel=alternate] |
#          guid isPermaLink (not "false"), resolved (RFC 3986) against
#          xml:base and the channel link; Atom: link rel=alternate or none
#   id:    guid | dc:identifier | atom:id | rdf:about (RSS); id |
#          dc:identifier (Atom); guid attribute (NewsML-G2)
#   date:  the publication date: pubDate | dc:date | dcterms:issued,created,
#          modified,date | atom:published | issued | created | updated |
#          modified; NewsML-G2 firstCreated | contentCreated | versionCreated
# The date cases of derived/dates take the instant their peer test states
# (DATES below), zone-less times as UTC as gofeed and ROME do.
#
# Run by test-conformance; by hand: tests/conformance/peers-expect.py ../shared/corpus/peers
# (the table quotes the peers' files: keep it out of the repository).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import email.utils, html.entities, os, re, sys, urllib.parse
from datetime import datetime, timezone
import xml.parsers.expat

NS = {
    'atom': 'http://www.w3.org/2005/Atom', 'atom03': 'http://purl.org/atom/ns#',
    'dc': 'http://purl.org/dc/elements/1.1/', 'dc10': 'http://purl.org/dc/elements/1.0/',
    'dcterms': 'http://purl.org/dc/terms/', 'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    'fb': 'http://rssnamespace.org/feedburner/ext/1.0', 'newsml': 'http://iptc.org/std/nar/2006-10-01/',
}
RSS = {'', 'http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/',
       'http://backend.userland.com/rss2', 'http://blogs.law.harvard.edu/tech/rss'}
DC = {NS['dc'], NS['dc10']}
ATOMS = {NS['atom'], NS['atom03']}

# derived/dates: the instant each peer test asserts
DATES = {
    '01': '2006-01-02T20:04:05Z', '02': '2006-01-02T20:04:05Z', '03': '2006-01-02T19:04:05Z',
    '04': '2006-01-02T21:04:05Z', '05': '2006-01-02T23:04:05Z', '06': '2006-01-02T22:04:05Z',
    '07': '2006-01-02T13:04:05Z', '08': '2006-01-02T15:04:05Z', '09': '2006-01-02T15:04:05Z',
    '10': '2006-01-02T22:04:05Z', '11': '2006-01-02T15:04:05Z', '12': '2006-01-02T22:04:05Z',
    '13': '2006-01-02T22:04:05Z', '14': '2006-01-02T22:04:05Z', '15': '2006-01-02T15:04:05Z',
    '16': '2006-01-02T15:04:05Z', '17': '2006-01-02T00:00:00Z', '18': '2005-07-19T17:00:42Z',
    '19': '2005-07-19T17:00:00Z', '20': '2005-07-19T00:00:00Z', '21': '2005-07-01T00:00:00Z',
    '22': '2005-01-01T00:00:00Z', '23': '2005-07-19T17:00:42Z', '24': '2005-07-19T17:00:42Z',
    '25': '2005-07-19T17:00:42Z', '26': '2005-07-19T17:00:42Z', '27': '2005-07-19T17:00:42Z',
    '28': '1970-01-01T00:00:01Z', '29': '1970-01-01T00:00:01Z', '30': '2020-03-28T08:12:38Z',
}

class Node:
    def __init__(self, qname, attrs, parent):
        self.qname, self.attrs, self.parent = qname, attrs, parent
        self.children, self.text = [], ''
        self.nsmap = dict(parent.nsmap) if parent else {'xml': 'http://www.w3.org/XML/1998/namespace'}
        for k, v in attrs.items():
            if k == 'xmlns':
                self.nsmap[''] = v
            elif k.startswith('xmlns:'):
                self.nsmap[k[6:]] = v
        prefix, _, local = qname.rpartition(':')
        self.local = local
        # an undeclared prefix is read by its usual meaning, as the peers do
        self.ns = self.nsmap.get(prefix, NS.get(prefix, prefix))

    def kids(self, nss, name):
        return [c for c in self.children if c.local == name and c.ns in nss]

    def first(self, nss, name):
        k = self.kids(nss, name)
        return k[0] if k else None

    def all_text(self):
        return self.text + ''.join(c.all_text() for c in self.children)

    def base(self):
        bases = []
        n = self
        while n:
            if 'xml:base' in n.attrs:
                bases.append(n.attrs['xml:base'])
            n = n.parent
        b = ''
        for x in reversed(bases):
            b = urllib.parse.urljoin(b, x)
        return b

def read(path):
    data = open(path, 'rb').read()
    if data[:2] == b'\x00<':
        data = data.decode('utf-16-be').encode('utf-8')
    elif data[:2] == b'<\x00':
        data = data.decode('utf-16-le').encode('utf-8')
    start = data.find(b'<?xml')
    if start < 0:
        start = data.find(b'<')
    data = data[start:]
    text = data.decode('utf-8', 'replace')
    text = re.sub(r'encoding=["\'][^"\']*["\']', '', text, count=1) if text.startswith('<?xml') else text
    # HTML 4 entities: named as the peers know them
    text = re.sub(r'&([A-Za-z][A-Za-z0-9]*);',
                  lambda m: m.group(0) if m.group(1) in ('amp', 'lt', 'gt', 'quot', 'apos') or m.group(1) not in html.entities.name2codepoint
                  else '&#%d;' % html.entities.name2codepoint[m.group(1)], text)
    text = re.sub(r'<!DOCTYPE[^>\[]*(\[[^\]]*\])?\s*>', '', text)
    root, stack = None, []
    p = xml.parsers.expat.ParserCreate()
    def start(name, attrs):
        nonlocal root
        n = Node(name, attrs, stack[-1] if stack else None)
        if stack:
            stack[-1].children.append(n)
        else:
            root = n
        stack.append(n)
    def end(name):
        stack.pop()
    def chars(d):
        if stack:
            stack[-1].text += d
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars
    p.Parse(text.encode('utf-8'), True)
    return root

def ws(s):
    return re.sub(r'\s+', ' ', s or '').strip()

def find_all(node, nss, name):
    out = []
    for c in node.children:
        if c.local == name and c.ns in nss:
            out.append(c)
        out.extend(find_all(c, nss, name))
    return out

def text_of(node):
    """A title as plain text: what the peers return as HTML, its text."""
    if node is None:
        return ''
    value = node.all_text()
    kind = node.attrs.get('type', '') + node.attrs.get('mode', '')
    if node.ns in ATOMS and 'html' not in kind and 'escaped' not in kind and node.children == []:
        return ws(value)
    if node.children or 'xhtml' in kind or 'xml' in kind:
        return ws(value)  # XHTML: the text of its elements
    # Escaped HTML: tags dropped, entities read
    value = re.sub(r'<[^>]*>', '', value) if re.search(r'<[A-Za-z/!][^>]*>', value) else value
    return ws(html.unescape(value)) if re.search(r'&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);', value) else ws(value)

def iso(t):
    return t.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')

def parse_date(s):
    s = ws(s)
    try:
        return iso(email.utils.parsedate_to_datetime(s))
    except Exception:
        pass
    m = re.match(r'^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?\s*(Z|[+-]\d\d:?\d\d)?$', s)
    if not m:
        return None
    y, mo, d, h, mi, sec, z = m.groups()
    tz = timezone.utc
    if z and z != 'Z':
        z = z.replace(':', '')
        from datetime import timedelta
        off = timedelta(hours=int(z[1:3]), minutes=int(z[3:5]))
        tz = timezone(off if z[0] == '+' else -off)
    try:
        return iso(datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(sec or 0), tzinfo=tz))
    except ValueError:
        return None

def item_fields(item, kind, chan_link):
    f = {}
    if kind == 'newsml':
        hl = find_all(item, {NS['newsml']}, 'headline')
        f['title'] = ws(hl[0].all_text()) if hl else ''
        f['id'] = item.attrs.get('guid', '')
        for name in ('firstCreated', 'contentCreated', 'versionCreated'):
            n = find_all(item, {NS['newsml']}, name)
            if n and ws(n[0].all_text()):
                f['date_text'] = n[0].all_text()
                break
        return f
    if kind == 'nitf':
        hl = find_all(item, {item.ns}, 'hl1')
        f['title'] = ws(hl[0].all_text()) if hl else ''
        di = find_all(item, {item.ns}, 'doc-id')
        f['id'] = di[0].attrs.get('id-string', '') if di else ''
        d = find_all(item, {item.ns}, 'date.issue')
        if d:
            v = d[0].attrs.get('norm', '')
            m = re.match(r'^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(.*)$', v)
            f['date_text'] = '%s-%s-%sT%s:%s:%s%s' % m.groups() if m else v
        return f
    if kind == 'atom':
        ans = {item.ns}
        t = item.first(ans, 'title') or item.first(DC, 'title')
        f['title'] = text_of(t)
        i = item.first(ans, 'id') or item.first(DC, 'identifier')
        f['id'] = ws(i.all_text()) if i is not None else ''
        o = item.first({NS['fb']}, 'origLink')
        for l in item.kids(ans, 'link'):
            if l.attrs.get('rel', 'alternate') == 'alternate' and 'href' in l.attrs:
                f['link'] = urllib.parse.urljoin(l.base(), l.attrs['href'].strip())
                break
        if o is not None and ws(o.all_text()):
            f['link'] = ws(o.all_text())
        for nss, name in ((ans, 'published'), (ans, 'issued'), (ans, 'created'), (DC, 'date'),
                          ({NS['dcterms']}, 'issued'), (ans, 'updated'), (ans, 'modified')):
            n = item.first(nss, name)
            if n is not None and ws(n.all_text()):
                f['date_text'] = n.all_text()
                break
        return f
    ns = {item.ns}
    t = item.first(ns, 'title') or item.first(DC, 'title') or item.first(ATOMS, 'title')
    f['title'] = text_of(t)
    g = item.first(ns, 'guid')
    i = g or item.first(DC, 'identifier') or item.first(ATOMS, 'id')
    f['id'] = ws(i.all_text()) if i is not None else item.attrs.get('rdf:about', '')
    link = None
    o = item.first({NS['fb']}, 'origLink')
    l = item.first(ns, 'link')
    if o is not None and ws(o.all_text()):
        link = (o, ws(o.all_text()))
    elif l is not None and ws(l.all_text()):
        link = (l, ws(l.all_text()))
    else:
        for al in item.kids(ATOMS, 'link'):
            if al.attrs.get('rel', 'alternate') == 'alternate' and 'href' in al.attrs:
                link = (al, al.attrs['href'].strip())
                break
    if link is None and g is not None and g.attrs.get('isPermaLink', 'true').lower() != 'false' and ws(g.all_text()):
        link = (g, ws(g.all_text()))
    if link is not None:
        base = urllib.parse.urljoin(chan_link or '', link[0].base())
        f['link'] = urllib.parse.urljoin(base, link[1])
    for nss, name in ((ns, 'pubDate'), (DC, 'date'), ({NS['dcterms']}, 'issued'), ({NS['dcterms']}, 'created'),
                      ({NS['dcterms']}, 'date'), (ATOMS, 'published'), (ATOMS, 'issued'), (ATOMS, 'created'),
                      ({NS['dcterms']}, 'modified'), (ATOMS, 'updated'), (ATOMS, 'modified')):
        n = item.first(nss, name)
        if n is not None and ws(n.all_text()):
            f['date_text'] = n.all_text()
            break
    return f

def main(top):
    print('path\tfield\texpected\tdated')
    for dirpath, dirs, files in sorted(os.walk(top)):
        dirs.sort()
        for name in sorted(files):
            if name == 'SOURCE.md':
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, top)
            try:
                root = read(path)
            except Exception as e:
                print('%s\tunreadable\t%s\t' % (rel, e))
                continue
            kind, items, chan_link = None, [], ''
            if root.local == 'feed' and root.ns in ATOMS:
                kind, items = 'atom', root.kids({root.ns}, 'entry')
            elif root.local in ('rss', 'RDF'):
                kind = 'rss'
                chan = root.kids(RSS, 'channel')
                holder = chan[0] if chan and root.local == 'rss' else root
                items = holder.kids(RSS, 'item')
                if chan:
                    cl = chan[0].first({chan[0].ns}, 'link')
                    chan_link = urllib.parse.urljoin(chan[0].base(), ws(cl.all_text())) if cl is not None else ''
            elif root.local == 'nitf':
                kind, items = 'nitf', [root]
            elif root.local in ('newsItem', 'newsMessage'):
                kind, items = 'newsml', find_all(root, {NS['newsml']}, 'newsItem') if root.local == 'newsMessage' else [root]
            else:
                print('%s\tformat\t%s\t' % (rel, root.local))
                continue
            dated = all(parse_date(item_fields(i, kind, chan_link).get('date_text', '')) for i in items)
            if not items:
                print('%s\tnoitems\t\t' % rel)
                continue
            f = item_fields(items[0], kind, chan_link)
            mark = 'dated' if dated or rel.startswith('derived/dates/') else 'undated'
            if rel.startswith('derived/dates/'):
                f['date'] = DATES[name[:2]]
            else:
                f['date'] = parse_date(f.get('date_text', '')) or ''
            for field in ('title', 'link', 'id', 'date'):
                value = f.get(field, '')
                if value:
                    print('%s\t%s\t%s\t%s' % (rel, field, value.replace('\t', ' '), mark))

main(sys.argv[1])
