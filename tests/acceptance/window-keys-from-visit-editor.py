#!/usr/bin/python3
# The window's keys that go somewhere else work while the visit editor is
# open, as Alt+1…4 do: the editor saves what was typed, closes, and the
# key does what it does in the window (they did nothing: the dialog kept
# them). Ctrl+F searches, Ctrl+N starts a new visit; Ctrl+? shows the
# shortcuts over the editor, which stays. Typed without a pause, so the
# key itself must save.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

VISITS = [("05154", "2018-10-02"), ("05170", "2018-10-03"), ("05158", "2018-10-04")]


def editor_open(d):
    return d.nodes("text", lambda name: name.startswith("Tour")) != []


def focused_text(d):
    node = d.focused()
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return None


def open_visit(d, n):
    d.key("alt+4", pause=2)
    d.click_named("Edit the Visit", index=n, opens="Tour")
    d.focus_field("Tour")
    d.type(f" Gast{n}", pause=0)


with Desktop("window-keys-from-visit-editor") as d:
    for ags, date in VISITS:
        d.cli("add-visit", ags, date, "--tour", "Sommertour")
    d.start()

    open_visit(d, 0)
    d.key("ctrl+f", pause=1.5)
    d.check_alive("Ctrl+F in the visit editor")
    d.check(not editor_open(d), "Ctrl+F closes the visit editor")
    d.type("Kleve", pause=1)
    d.screenshot("ctrl-f")
    d.check(focused_text(d) == "Kleve", f"Ctrl+F puts the caret in the search (it holds “{focused_text(d)}”)")

    open_visit(d, 1)
    d.key("ctrl+n", pause=1.5)
    d.check_alive("Ctrl+N in the visit editor")
    d.wait(lambda: "New Visit" in d.texts(), 20, "Ctrl+N in the visit editor opens a new visit")
    d.check(True, "Ctrl+N in the visit editor opens a new visit")
    d.screenshot("ctrl-n")
    d.key("Escape", pause=1.5)                # nothing typed: closes
    d.check(not editor_open(d), "Escape closes the untouched new visit")

    open_visit(d, 2)
    d.key("ctrl+question", pause=1.5)
    d.check("Keyboard Shortcuts" in d.texts() or d.nodes("dialog", "Keyboard Shortcuts") != [],
            "Ctrl+? in the visit editor shows the shortcuts")
    d.screenshot("ctrl-question")
    d.key("Escape", pause=1.5)
    d.check(editor_open(d), "the visit editor stays under the shortcuts")
    d.key("Escape", pause=1.5)

    d.quit()
    tours = {v["ags"]: v["tour"] for v in d.records("visits")}
    for n, key in enumerate(["Ctrl+F", "Ctrl+N", "Ctrl+?"]):
        tour = tours.get(VISITS[n][0])
        d.check(tour == f"Sommertour Gast{n}", f"what was typed before {key} is saved (tour: “{tour}”)")
    d.check(len(tours) == len(VISITS), f"the untouched new visit is not saved ({len(tours)} visits)")
