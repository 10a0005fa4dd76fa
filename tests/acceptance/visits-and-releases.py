#!/usr/bin/python3
# Visits and releases point at each other: the one release imported opens
# when chosen (it did not: the list had chosen it unseen); the reader lists
# the visit the release suggested, which opens in the visit editor; the editor lists the
# release, which opens in the reader again. The reader offers the
# release's own page in the browser, and no centre to add in advance.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os

from atlas import Desktop

TITLE = "Staatsministerin Widmann-Mauz und Staatssekretärin Güler besuchen Köln"
FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "seed-koeln.rss")

with Desktop("visits-and-releases") as d:
    d.cli("import", FIXTURE)
    d.start()
    d.key("alt+3", pause=2)
    d.key("ctrl+f", "Tab", "Tab", "Tab", "space", pause=1)   # search, centre, period, the release
    visit = d.wait(lambda: d.nodes(None, lambda n: n.startswith("Köln · 02.10.2018")), 20,
                   "the reader lists no visit to Köln on 02.10.2018")
    d.check(bool(d.nodes(d.BUTTON, "Open in Browser")), "the reader offers “Open in Browser”")
    d.check(bool(d.nodes(None, lambda n: "Choose a Centre" in n)), "the centre to add is not chosen in advance")
    d.screenshot("reader")

    d.click_node(visit[0])
    d.field("Date")                                  # the visit editor is open
    source = d.wait(lambda: d.nodes(None, lambda n: n.startswith(TITLE)), 10,
                    "the visit editor lists no press release")
    d.screenshot("editor")
    d.click_node(source[-1])
    d.wait(lambda: not d.nodes("text", lambda n: n.startswith("Date")), 10, "the visit editor stays open")
    d.check(bool(d.nodes(d.BUTTON, "Open in Browser")), "the release opens in the reader again")
    d.check_alive("going from the release to its visit and back")
    d.screenshot("back")
    d.quit()
