#!/usr/bin/python3
# Issue 17: what a German press officer reads after importing a file in
# the window (Ctrl+O, the name typed in the file dialog), and that the CLI
# says the same of the same file: a text file, a PNG, a feed cut off
# mid-way, a feed with one bad item, and a clean feed imported twice;
# then two files at once.
#
# A file that imports cleanly gets a toast with its one line; any other
# file an alert whose body is that line and whose details are the CLI's
# report (the line, the items left out, libxml2's words). The CLI runs on
# a catalogue of its own that sees the same imports in the same order.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil

from atlas import Desktop

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")

# One good item, one dated in the year 3013.
ONE_BAD_ITEM = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Presse</title>
<item><title>Besuch in Kleve</title><guid>urn:x:1</guid><pubDate>Wed, 28 Aug 2019 10:00:00 +0200</pubDate></item>
<item><title>Fernste Zukunft</title><guid>urn:x:2</guid><pubDate>Sun, 07 Jul 3013 15:06:01 +0000</pubDate></item>
</channel></rss>
"""

# (file, what the window shows first: a toast or an alert's heading, the line)
CASES = [
    ("notiz.xml", "Eine Datei wurde nicht importiert",
     "notiz.xml: Das ist keine XML-Datei, sondern Text"),
    ("bild.xml", "Eine Datei wurde nicht importiert",
     "bild.xml: Das ist keine XML-Datei, sondern ein PNG-Bild"),
    ("feed-truncated.rss", "Eine Datei wurde nicht importiert",
     "feed-truncated.rss: Die Datei endet mitten in Zeile 4 – sie ist wohl unvollständig"),
    ("ein-fehler.rss", "Import abgeschlossen",
     "ein-fehler.rss: 1 neu, 0 aktualisiert, 0 schon im Katalog, 1 übersprungen; 0 Besuche vorgeschlagen"),
    ("feed-links.rss", None,
     "feed-links.rss: 5 neu, 0 aktualisiert, 0 schon im Katalog, 0 übersprungen; 0 Besuche vorgeschlagen"),
    ("feed-links.rss", None,
     "feed-links.rss: 0 neu, 0 aktualisiert, 5 schon im Katalog, 0 übersprungen; 0 Besuche vorgeschlagen"),
]

with Desktop("import-reports", german=True) as d:
    for name in ("notiz.xml", "bild.xml", "feed-truncated.rss", "feed-links.rss"):
        shutil.copy(os.path.join(FIXTURES, name), d.work)
    with open(os.path.join(d.work, "ein-fehler.rss"), "w", encoding="utf-8") as f:
        f.write(ONE_BAD_ITEM)
    cli_db = os.path.join(d.work, "cli.sqlite")
    d.start()

    for number, (name, heading, line) in enumerate(CASES, 1):
        path = os.path.join(d.work, name)
        line = os.path.join(d.work, line)
        d.key("ctrl+o")
        d.choose_file("Pressemitteilungen importieren", name)
        shown = d.wait(lambda: line in d.texts(), 30, f"the window never showed “{line}”")
        d.check(shown, f"the window says “{line}”")
        d.screenshot(f"{number}-{name}")

        status, out, err = d.cli_status("import", path, db=cli_db)
        report = (err + out).strip()
        d.check(report.splitlines()[0] == line, f"the CLI says the same: “{report.splitlines()[0]}”")
        if heading is None:
            d.check(not d.nodes("dialog"), f"{name}: a toast, no alert")
        else:
            d.check(heading in d.texts(), f"{name}: the alert is headed “{heading}”")
            d.check(report in d.texts(), f"{name}: the alert's details are the CLI's report, line for line")
            d.key("Escape", pause=1)
        d.check_alive(f"importing {name}")

    # Two files at once: the totals as the alert's body, a line per file
    # in its details, as the CLI prints them.
    d.key("ctrl+o")
    d.choose_file("Pressemitteilungen importieren", "bild.xml", "feed-links.rss")
    status, out, err = d.cli_status("import", *(os.path.join(d.work, n) for n in ("bild.xml", "feed-links.rss")),
                                    db=cli_db)
    totals = out.strip().splitlines()[-1]
    d.check(totals == "2 Dateien, 1 abgelehnt: 0 neu, 0 aktualisiert, 5 schon im Katalog, 0 übersprungen; "
                      "0 Besuche vorgeschlagen", f"the CLI's totals: “{totals}”")
    d.wait(lambda: totals in d.texts(), 30, "the window never showed the CLI's totals")
    d.check("Eine Datei wurde nicht importiert" in d.texts(), "two files, one refused: the alert says so")
    details = [t for t in d.texts() if t.count("\n") >= 1]
    lines = (err + out).strip().splitlines()[:-1]
    d.check(len(details) == 1 and sorted(details[0].splitlines()) == sorted(lines),
            f"a line per file in the details, the CLI's lines: {details}")
    d.screenshot("7-two-files")
    d.key("Escape", pause=1)

    d.quit()
