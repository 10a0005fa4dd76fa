#!/usr/bin/python3
# Close the visit editor in every way a person does: the × button,
# Escape, Ctrl+W, and Escape followed at once by a switch of view
# (Alt+2). Each time the app must stay up, the editor must be gone and
# what was typed into it must be saved.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

WAYS = [
    ("×", lambda d: d.click_dialog_close()),
    ("Escape", lambda d: d.key("Escape")),
    ("Ctrl+W", lambda d: d.key("ctrl+w")),
    ("Escape, then Alt+2", lambda d: d.key("Escape", "alt+2", pause=0.1)),
]
# One visit per way, listed in this order (by date).
VISITS = [("05154", "2018-10-02"), ("05170", "2018-10-03"), ("05158", "2018-10-04"), ("05162", "2018-10-05")]

with Desktop("close-visit-editor") as d:
    for ags, date in VISITS:
        d.cli("add-visit", ags, date, "--tour", "Sommertour")
    d.start()
    for n, (how, close) in enumerate(WAYS):
        d.key("alt+4", pause=2)
        d.click_named("Edit the Visit", index=n, opens="Tour")
        d.field("Tour")                          # the editor is open
        d.focus_field("Tour")
        d.type(f" Gast{n}")
        close(d)
        d.pause()
        if not d.check_alive(f"closing the visit editor with {how}"):
            break
        d.check(not d.nodes("text", lambda name: name.startswith("Tour")),
                f"the visit editor is gone after {how}")
    d.screenshot("closed")
    d.quit()
    tours = {v["ags"]: v["tour"] for v in d.records("visits")}
    for n, (how, _close) in enumerate(WAYS):
        tour = tours.get(VISITS[n][0])
        d.check(tour == f"Sommertour Gast{n}", f"what was typed before {how} is saved (tour: “{tour}”)")
