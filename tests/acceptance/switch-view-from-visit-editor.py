#!/usr/bin/python3
# Alt+1…4 while the visit editor is open: as any other way of leaving it,
# the editor saves what was typed, closes, and the view asked for is
# shown (it did nothing: the keys were lost in the dialog). Typed without
# a pause, so the switch itself must save. Ctrl+Q in the editor quits
# (it did nothing), saving what was typed.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

VIEWS = ["Centres", "Contacts", "Press Releases", "Tour Map"]
# Leave the editor with each key; one visit each (listed by date).
KEYS = [("alt+2", "Contacts"), ("alt+1", "Centres"), ("alt+3", "Press Releases")]
VISITS = [("05154", "2018-10-02"), ("05170", "2018-10-03"), ("05158", "2018-10-04"), ("05162", "2018-10-05")]


def shown_view(d):
    """The view whose switcher button is down (a selected tab)."""
    import pyatspi
    for node in d.nodes(name=VIEWS):
        states = node.getState()
        if any(states.contains(s) for s in (pyatspi.STATE_SELECTED, pyatspi.STATE_CHECKED, pyatspi.STATE_PRESSED)):
            return node.name
    return None


with Desktop("switch-view-from-visit-editor") as d:
    for ags, date in VISITS:
        d.cli("add-visit", ags, date, "--tour", "Sommertour")
    d.start()
    for n, (key, view) in enumerate(KEYS):
        d.key("alt+4", pause=2)
        d.click_named("Edit the Visit", index=n, opens="Tour")
        d.focus_field("Tour")
        d.type(f" Gast{n}", pause=0)
        d.key(key, pause=1.5)
        if not d.check_alive(f"{key} in the visit editor"):
            break
        d.screenshot(f"after-{key}")
        d.check(not d.nodes("text", lambda name: name.startswith("Tour")),
                f"{key} closes the visit editor")
        d.check(shown_view(d) == view, f"{key} shows {view} (shown: {shown_view(d)})")
    d.key("alt+4", pause=2)
    d.click_named("Edit the Visit", index=3, opens="Tour")
    d.focus_field("Tour")
    d.type(" Gast3", pause=0)
    d.key("ctrl+q", pause=0)
    d.check(d.wait_exit(15) == 0, "Ctrl+Q in the visit editor ends the app cleanly")
    tours = {v["ags"]: v["tour"] for v in d.records("visits")}
    for n, (key, _view) in enumerate(KEYS + [("ctrl+q", None)]):
        tour = tours.get(VISITS[n][0])
        d.check(tour == f"Sommertour Gast{n}", f"what was typed before {key} is saved (tour: “{tour}”)")
