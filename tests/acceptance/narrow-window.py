#!/usr/bin/python3
# A 360 px wide window (a phone): open a centre from the list, type with
# a pause, go back with Alt+Left; open a visit, Escape, Alt+1 at once (it
# crashed). The app stays up and the typing is saved.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

with Desktop("narrow-window", width=360, height=720) as d:
    d.cli("add-visit", "05154", "2018-10-02", "--tour", "Sommertour")
    d.start()
    d.open_centre("Kleve")
    d.focus_field("Street")
    d.key("ctrl+a")
    d.type("Hoher Weg")
    d.pause()
    d.type(" 1")
    d.screenshot("centre")
    d.key("alt+Left", pause=1)
    d.screenshot("list")

    d.key("alt+4", pause=2)
    d.click_named("Edit the Visit", opens="Tour")
    d.field("Tour")
    d.focus_field("Tour")
    d.type(" 2018")
    d.screenshot("visit")
    d.key("Escape", "alt+1", pause=0.1)
    d.pause()
    d.check_alive("Escape and Alt+1 on the visit editor")
    d.screenshot("back")
    d.quit()
    d.check(d.record("centres", district="Kleve")["street"] == "Hoher Weg 1", "the street typed on the narrow window is saved")
    d.check(d.records("visits")[0]["tour"] == "Sommertour 2018", "the tour typed in the visit editor is saved")
