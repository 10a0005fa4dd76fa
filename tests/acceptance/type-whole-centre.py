#!/usr/bin/python3
# A whole centre typed as a person types it: field after field with Tab,
# pauses longer than the autosave delay in the middle of words, typing
# mistakes corrected with BackSpace, a wrong postal code fixed. Then
# Ctrl+Q; the catalogue holds every field as meant.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

with Desktop("type-whole-centre") as d:
    d.start()
    d.open_centre("Kleve")

    d.focus_field("Street")
    d.key("ctrl+a")
    d.type("Nassauer")
    d.pause()                         # saved in the middle of a word
    d.type("allee 23")
    d.key("BackSpace")                # a typo, corrected
    d.type("2")
    d.key("Tab")                      # on to the postal code
    d.key("ctrl+a")
    d.type("4753")                    # one digit short: marked, not saved
    d.pause()
    d.type("3")
    d.key("Tab")                      # the city stays as it is
    d.key("Tab")
    d.key("ctrl+a")
    d.type("02821 59")
    d.pause()
    d.type("4-0")
    d.key("Tab")
    d.key("ctrl+a")
    d.type("ki@kreis-kleve.dd")
    d.key("BackSpace")
    d.type("e")
    d.pause()
    d.key("Tab")
    d.key("ctrl+a")
    d.type("https://www.kreis-kleve.de/")
    d.screenshot("typed")
    d.quit()

    kleve = d.record("centres", district="Kleve")
    expected = {
        "street": "Nassauerallee 22",
        "postal_code": "47533",
        "phone": "02821 594-0",
        "email": "ki@kreis-kleve.de",
        "website": "https://www.kreis-kleve.de/",
    }
    for field, value in expected.items():
        d.check(kleve[field] == value, f"{field} is “{value}” (it is “{kleve[field]}”)")
