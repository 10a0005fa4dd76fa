#!/usr/bin/python3
# Issue 19, a walk of main, in German: what the Tour view says while
# reviewing suggestions in a chosen district.
# - The district's panel counted a suggestion as a visit ("2 Besuche"):
#   it says "1 Besuch: …" and "1 vorgeschlagener Besuch: …" apart.
# - Undo said "Rückgängig gemacht: 1 vorgeschlagenen Besuch verwerfen"
#   (an infinitive): it says what was undone as a noun ("Verwerfen von …").
# - After the undo the chosen district stays chosen (the undo showed the
#   suggestion's row, which chose its district instead).
# - Filters that show nothing leave an empty column no more: "Keine Besuche
#   in dieser Ansicht".
# - The reader's toggles of a release's link said "Besucht" and
#   "Bestätigt"; they say "Meldet einen Besuch" and "Von mir geprüft".
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os

from atlas import Desktop

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "seed-koeln.rss")


def has_text(d, start):
    return any(t.startswith(start) for t in d.texts())


def has_line(d, line):
    """Whether a label has @line as one of its lines."""
    return any(line in t.split("\n") for t in d.texts())


with Desktop("review-in-district", german=True) as d:
    d.cli("add-visit", "05362", "2017-01-10")                # Rhein-Erft-Kreis, done, first in the list
    d.cli("add-visit", "05315", "2017-01-12")                # Köln, done
    d.cli("import", FIXTURE)                                 # Köln, suggested for 02.10.2018
    d.start()
    d.key("alt+4", pause=2)
    # Köln's visit chosen in the list chooses Köln.
    d.click_node(d.wait(lambda: d.nodes(None, lambda n: n.startswith("2 · Köln")), 20, "no row “2 · Köln”")[0])
    d.pause(1.5)
    texts = d.texts()
    d.check(has_line(d, "1 Besuch: 12.01.2017"), f"the district counts its one visit ({[t for t in texts if 'Besuch' in t][:4]})")
    d.check(has_line(d, "1 vorgeschlagener Besuch: 02.10.2018"), "… and its suggestion apart")
    d.screenshot("district")

    d.click_named("Alle verwerfen")
    d.wait(lambda: not has_line(d, "1 vorgeschlagener Besuch: 02.10.2018"), 30, "the suggestion is still there")
    d.key("ctrl+z", pause=0.5)
    d.wait(lambda: has_text(d, "Rückgängig gemacht: "), 10, "no toast after Ctrl+Z")
    undone = [t for t in d.texts() if t.startswith("Rückgängig gemacht: ")]
    d.check(undone and "verwerfen" not in undone[0], f"the toast names what was undone as a noun ({undone})")
    d.wait(lambda: has_line(d, "1 vorgeschlagener Besuch: 02.10.2018"), 30, "Ctrl+Z does not bring the suggestion back")
    d.check("Köln" in d.texts() and has_line(d, "1 Besuch: 12.01.2017"),
            "after the undo Köln is still the district chosen")
    d.screenshot("undone")

    # A visitor nobody is: nothing to show, and the view says so.
    d.click_node(d.wait(lambda: d.nodes(None, "Die Besuche einer Person zeigen"), 10, "no visitor search")[0])
    d.type("Niemand", pause=1.5)
    d.wait(lambda: "Keine Besuche in dieser Ansicht" in d.texts(), 10, "no empty state for a view without visits")
    d.screenshot("empty")
    d.key("ctrl+a", "BackSpace", pause=1)

    # The reader's toggles of the release's link to Köln.
    d.key("alt+3", pause=2)
    d.key("ctrl+f", "Tab", "Tab", "Tab", "space", pause=1.5)   # search, centre, period, the release
    toggles = [n.name for n in d.nodes(("toggle button", "push button", "button"))]
    d.check("Meldet einen Besuch" in toggles and "Von mir geprüft" in toggles,
            f"the reader's toggles say what they mean ({[t for t in toggles if t in ('Besucht', 'Bestätigt', 'Meldet einen Besuch', 'Von mir geprüft')]})")
    d.screenshot("reader")
    d.quit()
