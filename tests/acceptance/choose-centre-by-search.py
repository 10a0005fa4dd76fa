#!/usr/bin/python3
# The contact editor's Centre drop-down holds 54 centres: it has a search,
# folded like the app's search. A new contact, the drop-down opened with a
# click, "koeln" typed: Köln is listed and Kleve is not; Köln clicked, it
# is the contact's centre. Then "Müns" finds Münster. (There was no
# search: typing did nothing and the list had to be scrolled.)
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop


def listed(d, name):
    return bool(d.nodes("label", name))


def choose(d, search, centre, other):
    d.click_named("Centre", role="combo box")
    d.pause(1)
    d.type(search)
    d.pause(1)
    d.screenshot(f"search-{search}")
    d.check(listed(d, centre) and not listed(d, other),
            f"“{search}” lists {centre} and not {other}")
    found = d.nodes("label", centre)
    if found:
        d.click_node(found[-1])
    d.pause()


with Desktop("choose-centre-by-search") as d:
    d.start()
    d.key("alt+2", pause=1.5)
    d.key("ctrl+n", pause=1.5)
    d.focus_field("Given name")
    d.type("Erika")
    d.focus_field("Family name")
    d.type("Mustermann")
    d.pause()

    choose(d, "koeln", "Köln", "Kleve")
    d.check(d.nodes("combo box", "Centre") and listed(d, "Köln"), "the row shows Köln")
    d.quit()
    erika = d.record("contacts", given_name="Erika")
    d.check(erika is not None and erika.get("centre") == "05315",
            f"Erika Mustermann's centre is Köln, 05315 ({erika and erika.get('centre')})")

    d.start()
    d.key("alt+2", pause=1.5)
    d.click_named("Erika Mustermann", role=("label", "list item"), index=0)
    d.pause(1)
    choose(d, "Müns", "Münster", "Kleve")
    d.quit()
    erika = d.record("contacts", given_name="Erika")
    d.check(erika.get("centre") == "05515", f"now her centre is Münster, 05515 ({erika.get('centre')})")
