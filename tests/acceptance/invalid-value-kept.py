#!/usr/bin/python3
# A value that fails its check is never dropped without a word: type a
# four-digit postal code, choose another centre, come back. The typed
# text is still in the field, still marked, to be fixed; one more digit
# makes it valid and it is saved.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

with Desktop("invalid-value-kept") as d:
    d.start()
    d.open_centre("Kleve")
    d.focus_field("Postal code")
    d.key("ctrl+a")
    d.type("4755")
    d.pause()
    d.screenshot("invalid")

    d.open_centre("Wesel")
    d.open_centre("Kleve")
    d.screenshot("back")
    d.check(d.text_of("Postal code") == "4755",
            f"back at Kleve, the field shows the four digits typed (it shows “{d.text_of('Postal code')}”)")
    d.check(d.nodes("label", lambda n: n.startswith("A postal code has five digits")),
            "and is still explained as invalid below it")

    d.focus_field("Postal code")
    d.type("1")
    d.pause()
    d.quit()
    code = d.record("centres", district="Kleve")["postal_code"]
    d.check(code == "47551", f"fixed, it is saved (postal code: “{code}”)")
