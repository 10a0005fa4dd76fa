#!/usr/bin/python3
# The toast that offers to undo a deletion stays long enough to read it
# and reach its Undo button: still there after 7 seconds (it went after
# 5, AdwToast's default). A contact typed in, deleted with the Delete
# key in the list, its toast shown, Ctrl+Z: the contact is back. A visit
# deleted from the Tour list: its toast is still there after 7 seconds.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop



def shown(d, match):
    """Whether a label @match accepts is shown (asked for 2 s: the
    accessibility tree may lag behind a list that has just changed)."""
    for _ in range(10):
        if any(match(t) for t in d.texts()):
            return True
        d.pause(0.2)
    print("# labels shown:", d.texts())
    return False


with Desktop("undo-toast-stays") as d:
    d.cli("add-visit", "05154", "2018-10-02", "--tour", "Sommertour")
    d.start()
    d.key("alt+2", pause=1.5)
    d.key("ctrl+n", pause=1.5)
    d.focus_field("Given name")
    d.type("Erika")
    d.focus_field("Family name")
    d.type("Mustermann")
    d.pause()

    d.click_named("Erika Mustermann", role="label", index=0)   # in the list
    d.key("Delete")
    d.wait(lambda: "“Erika Mustermann” deleted" in d.texts(), 10, "no toast after deleting the contact")
    d.pause(7)
    # On screen it is still there (the screenshot shows it), but its label
    # leaves the accessibility tree when the list empties, so the visit's
    # toast below is the one checked.
    d.screenshot("contact-toast")
    d.key("ctrl+z")
    d.pause()

    d.key("alt+4", pause=2)
    d.click_named("Delete the Visit")
    deleted = lambda: [t for t in d.texts() if t.startswith("Visit to") and t.endswith("Kleve deleted")]
    d.wait(deleted, 10, "no toast after deleting the visit")
    d.pause(7)
    d.screenshot("visit-toast")
    d.check(shown(d, lambda t: t.startswith("Visit to") and t.endswith("Kleve deleted")),
            "the visit's toast is still there after 7 s")
    d.quit()
    d.check(d.record("contacts", given_name="Erika") is not None, "Ctrl+Z brought the contact back")
    d.check(not d.records("visits"), "the visit is deleted")
