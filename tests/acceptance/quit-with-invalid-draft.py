#!/usr/bin/python3
# Quitting never drops an invalid value without a word (it did: Ctrl+Q
# and Alt+F4 threw it away). With a four-digit postal code typed, Ctrl+Q
# asks, naming the centre; Escape and Enter (the default) cancel and the
# value stays; "Discard and Quit" quits, and what was valid is saved all
# the same. Then, in German, a new contact without a name: closing the
# window asks, "Abbrechen" goes back, a name makes it valid, and the
# window closes without a question.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop


def alert_shown(d, heading, name):
    texts = d.texts()
    return heading in texts and any(name in t for t in texts)


with Desktop("quit-with-invalid-draft") as d:
    kleve = d.record("centres", district="Kleve")
    d.start()
    d.open_centre("Kleve")
    d.focus_field("Street")
    d.key("ctrl+a")
    d.type("Hoher Weg 1")                      # valid
    d.focus_field("Postal code")
    d.key("ctrl+a")
    d.type("4755")                             # four digits: invalid
    d.pause()

    d.key("ctrl+q", pause=1.5)
    d.wait(lambda: alert_shown(d, "Discard Invalid Entries?", kleve["name"]), 20,
           f"Ctrl+Q with an invalid postal code asks, naming {kleve['name']}")
    d.screenshot("asked")
    d.check(True, "Ctrl+Q with an invalid postal code asks, naming the centre")
    d.key("Escape", pause=1.5)
    d.check_alive("Escape in the question")
    d.check(d.text_of("Postal code") == "4755", "after Escape the four digits are still in the field")

    d.key("ctrl+q", pause=1.5)
    d.wait(lambda: alert_shown(d, "Discard Invalid Entries?", kleve["name"]), 20, "Ctrl+Q asks again")
    d.key("Return", pause=1.5)                 # the default is Cancel
    d.check_alive("Enter in the question")
    d.check(not d.nodes("label", "Discard Invalid Entries?"), "Enter (Cancel) closes the question")

    d.key("ctrl+q", pause=1.5)
    d.click_named("Discard and Quit")
    d.check(d.wait_exit(15) == 0, "“Discard and Quit” ends the app cleanly")
    after = d.record("centres", district="Kleve")
    d.check(after["postal_code"] == kleve["postal_code"],
            f"the invalid postal code is not saved (“{after['postal_code']}”)")
    d.check(after["street"] == "Hoher Weg 1", f"the valid street is saved (“{after['street']}”)")

    # In German: a contact without a name, the window closed by the window manager.
    d.env.update(LANGUAGE="de", LC_ALL="de_DE.UTF-8")
    d.start()
    d.key("alt+2", pause=1.5)
    d.key("ctrl+n", pause=1.5)
    d.focus_field("Telefonnummern")
    d.type("0211 837-1234")
    d.pause()
    d.key("alt+F4", pause=1.5)
    d.wait(lambda: alert_shown(d, "Ungültige Eingaben verwerfen?", "Neuer Kontakt"), 20,
           "Alt+F4 with a contact without a name asks, naming the new contact")
    d.screenshot("gefragt")
    d.check("Verwerfen und beenden" in [b.name for b in d.nodes(d.BUTTON)],
            "the question offers “Verwerfen und beenden”")
    d.click_named("Abbrechen")
    d.check_alive("“Abbrechen” in the question")
    d.focus_field("Vorname")
    d.type("Erika")
    d.pause()
    d.key("alt+F4", pause=0)
    d.check(d.wait_exit(15) == 0, "with a name the window closes without a question")
    erika = d.record("contacts", given_name="Erika")
    d.check(erika is not None and "0211 837-1234" in str(erika), f"the contact is saved ({erika})")
