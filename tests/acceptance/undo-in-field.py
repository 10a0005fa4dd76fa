#!/usr/bin/python3
# Ctrl+Z and Ctrl+Shift+Z from inside a text field: first the field's own
# unsaved typing is undone; when there is none, the last saved edit (the
# app's history), as from the menu; Ctrl+Shift+Z redoes it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

with Desktop("undo-in-field") as d:
    d.start()
    d.open_centre("Kleve")
    before = d.text_of("Street")

    d.focus_field("Street")
    d.key("ctrl+a")
    d.type("Hoher Weg 1")
    d.pause()                       # saved

    d.type("0", pause=0)
    d.key("ctrl+z")                 # the unsaved “0”
    d.check(d.text_of("Street") == "Hoher Weg 1",
            f"Ctrl+Z right after typing takes back the unsaved “0” (field: “{d.text_of('Street')}”)")
    d.pause()

    d.key("ctrl+z")                 # nothing unsaved: the saved edit
    d.pause()
    d.check(d.text_of("Street") == before,
            f"Ctrl+Z with nothing unsaved undoes the saved edit (field: “{d.text_of('Street')}”)")

    d.key("ctrl+shift+z")
    d.pause()
    d.check(d.text_of("Street") == "Hoher Weg 1",
            f"Ctrl+Shift+Z in the field redoes it (field: “{d.text_of('Street')}”)")
    d.type("9")                     # the caret is still in the field
    d.pause()
    d.screenshot("redone")
    d.quit()
    street = d.record("centres", district="Kleve")["street"]
    d.check(street == "Hoher Weg 19", f"the catalogue holds “Hoher Weg 19” (it holds “{street}”)")
