#!/usr/bin/python3
# The release list shows what an import brought as soon as the import
# finishes, without switching views (a walk found it stale until then):
# the Releases view open, Ctrl+O, a feed chosen in the file dialog, its
# release's title listed; then a second feed, and its title too.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil

from atlas import Desktop

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
FEEDS = [
    ("seed-koeln.rss", "Staatsministerin Widmann-Mauz und Staatssekretärin Güler besuchen Köln"),
    ("seed-kleve.atom", "Tour durch alle 54 Kommunalen Integrationszentren endet im Kreis Kleve"),
]

with Desktop("release-list-after-import") as d:
    for name, _ in FEEDS:
        shutil.copy(os.path.join(FIXTURES, name), d.work)
    d.start()
    d.key("alt+3", pause=2)                          # the Releases view
    for number, (name, title) in enumerate(FEEDS, 1):
        d.key("ctrl+o")
        d.choose_file("Import Press Releases", name)
        d.wait(lambda: any(name + ":" in t for t in d.texts()), 30,
               f"the import of {name} did not finish")
        listed = d.wait(lambda: [t for t in d.texts() if t.startswith(title)], 10,
                        f"the release list does not show “{title}” after the import")
        d.check(bool(listed), f"the list shows “{title}” right after the import")
        d.screenshot(f"{number}-{name}")
    d.check_alive("importing twice into the open Releases view")
    d.quit()
