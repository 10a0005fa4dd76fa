#!/usr/bin/python3
# Scrolling as in GNOME Contacts: a message that appears below a field at
# the bottom edge is scrolled into view; another centre opens at its top.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

with Desktop("focus-and-scroll", width=1000, height=600) as d:
    d.start()
    d.open_centre("Kleve")
    # The website field sits at the window's bottom edge; Tab takes us there.
    d.focus_field("City")
    d.key("Tab", "Tab", "Tab")
    d.key("ctrl+a")
    d.type("kreis-kleve")
    d.pause()
    d.screenshot("message")
    message = d.nodes("label", lambda n: n.startswith("Not a web address"))
    d.check(message and d.on_screen(message[0]), "the message below the website field is in view")

    d.key("ctrl+z")                       # the wrong address taken back
    d.open_centre("Dueren")             # umlauts fold: "dueren" finds Düren
    d.screenshot("dueren")
    d.check(d.on_screen(d.field("Name")), "Düren opens at its top (its name field is in view)")
