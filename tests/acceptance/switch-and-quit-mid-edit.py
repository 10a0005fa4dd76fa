#!/usr/bin/python3
# Leaving in the middle of typing, with no pause: switching view (Alt+2),
# quitting (Ctrl+Q), and closing the main window through the window
# manager (Alt+F4 in openbox). What was typed is saved every time.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

with Desktop("switch-and-quit-mid-edit") as d:
    d.start()
    d.open_centre("Kleve")
    d.focus_field("Street")
    d.key("ctrl+a")
    d.type("Hoher Weg 1", pause=0)
    d.key("alt+2", pause=1)                # switch view at once
    d.check_alive("switching view mid-edit")

    d.open_centre("Kleve")
    d.focus_field("Phone")
    d.key("ctrl+a")
    d.type("02821 594-0", pause=0)
    d.key("ctrl+q", pause=0)               # quit at once
    d.check(d.wait_exit(15) == 0, "Ctrl+Q mid-edit ends the app cleanly")

    d.start()
    d.open_centre("Kleve")
    d.focus_field("E-mail")
    d.key("ctrl+a")
    d.type("ki@kreis-kleve.de", pause=0)
    d.key("alt+F4", pause=0)               # the window manager closes the window
    d.check(d.wait_exit(15) == 0, "closing the window with Alt+F4 mid-edit ends the app cleanly")

    kleve = d.record("centres", district="Kleve")
    d.check(kleve["street"] == "Hoher Weg 1", f"typed before Alt+2: street “{kleve['street']}”")
    d.check(kleve["phone"] == "02821 594-0", f"typed before Ctrl+Q: phone “{kleve['phone']}”")
    d.check(kleve["email"] == "ki@kreis-kleve.de", f"typed before Alt+F4: e-mail “{kleve['email']}”")
