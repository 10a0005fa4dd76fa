#!/usr/bin/python3
# Autosave must not move the caret: type into a centre's street and phone
# fields, pause longer than the autosave delay, type on. The text typed
# after the pause must come after the text typed before it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

with Desktop("autosave-keeps-caret") as d:
    d.start()
    d.open_centre("Kleve")

    d.focus_field("Street")
    d.key("ctrl+a")
    d.type("Hoher Weg")
    d.pause()
    d.type(" 12")
    d.pause()
    d.focus_field("Phone")
    d.key("ctrl+a")
    d.type("02821 594-0")
    d.pause()
    d.key("BackSpace")
    d.type("9")
    d.pause()
    d.screenshot("typed")

    kleve = d.record("centres", district="Kleve")
    d.check(kleve["street"] == "Hoher Weg 12", f"the street reads “Hoher Weg 12” (it reads “{kleve['street']}”)")
    d.check(kleve["phone"] == "02821 594-9", f"the phone reads “02821 594-9” (it reads “{kleve['phone']}”)")
