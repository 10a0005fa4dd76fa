#!/usr/bin/python3
# check-accessibility.py: walk the running app's AT-SPI tree like a screen
# reader would and fail on a control without an accessible name.
#
# Usage: check-accessibility.py APP CLI EXAMPLE_TOUR
# Run inside a session bus and an X server (dbus-run-session, xvfb-run).
# The app runs on a temporary catalogue holding the example tour, so
# every view (including the tour list and the map) has content. Each
# view is opened through its page tab, the way an AT user would switch.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# The app runs with the tests' G_DEBUG (fatal warnings); this checker
# does not: AT-SPI's client library warns about objects that come and go
# while the app starts.
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

try:
    import pyatspi
except ImportError:
    print("1..0 # SKIP pyatspi is not installed (python3-pyatspi)")
    sys.exit(0)

# Roles a user operates; each needs a name a screen reader can speak.
# AT-SPI 2.56 (Debian 13) names the push button role "button".
BUTTONS = {"push button", "button"}
INTERACTIVE = BUTTONS | {
    "toggle button", "check box", "radio button",
    "text", "entry", "password text", "combo box", "spin button",
    "slider", "link", "page tab", "menu item", "check menu item",
    "radio menu item", "switch",
}
# GTK 4.8 falls back to the widget's type name when nothing names it.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Atlas)[A-Z]\w*$")
VIEWS = 4


def find_app(desktop, pid, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
        time.sleep(0.2)
    return None


def walk(node, path, out):
    try:
        role = node.getRoleName()
        name = node.name or ""
        states = node.getState()
    except Exception:
        return
    # GTK 4.8 sets "showing" on windows only; "visible" is what it keeps.
    if not states.contains(pyatspi.STATE_VISIBLE):
        return
    here = path + [f"{role} '{name}'"]
    out.append((node, role, name, here))
    for child in node:
        if child is not None:
            walk(child, here, out)


def controls(app):
    # The application object has no states; its windows do.
    out = []
    for window in app:
        if window is not None:
            walk(window, [], out)
    return out


def unnamed(found):
    bad = []
    for _node, role, name, path in found:
        if role in INTERACTIVE and (not name.strip() or TYPE_NAME.match(name)):
            bad.append(" > ".join(path[-4:]))
    return bad


def activate(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return True
    return False


CTRL = 1 << 2


def key(sym, mods=0):
    """Presses a key (a keysym) as the keyboard would, through XTest."""
    registry = pyatspi.Registry
    if mods:
        registry.generateKeyboardEvent(mods, None, pyatspi.KEY_LOCKMODIFIERS)
    registry.generateKeyboardEvent(sym, None, pyatspi.KEY_SYM)
    if mods:
        registry.generateKeyboardEvent(mods, None, pyatspi.KEY_UNLOCKMODIFIERS)
    time.sleep(0.4)


def type_text(text):
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    time.sleep(0.4)


def field_text(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return ""


def check_editor(app, number, what, expected, shows=None):
    """The editor a keyboard user opened: the fields are there, all named,
    and (shows) the first one holds the record's text."""
    found = controls(app)
    fields = {name: node for node, role, name, _p in found if role in ("text", "entry")}
    missing = [e for e in expected if e not in fields]
    bad = unnamed(found)
    if missing or bad:
        print(f"not ok {number} - {what}: missing fields {missing}, unnamed {bad}")
        return 1
    if shows is not None and shows not in field_text(fields[expected[0]]):
        print(f"not ok {number} - {what}: “{expected[0]}” holds “{field_text(fields[expected[0]])}”, not “{shows}”")
        return 1
    print(f"ok {number} - {what}: {len(expected)} fields found, every control named")
    return 0


def main():
    app_bin, cli, tour = sys.argv[1:4]
    tmp = tempfile.mkdtemp(prefix="atlas-a11y-")
    db = os.path.join(tmp, "catalogue.sqlite")
    env = dict(os.environ)
    if APP_G_DEBUG is not None:
        env["G_DEBUG"] = APP_G_DEBUG
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    subprocess.run([cli, "--db", db, "import", tour], env=env, check=True,
                   stdout=subprocess.DEVNULL)

    proc = subprocess.Popen([app_bin, "--db", db], env=env)
    failures = 0
    try:
        app = find_app(pyatspi.Registry.getDesktop(0), proc.pid)
        if app is None:
            print("1..1\nnot ok 1 - the app never showed up on the accessibility bus")
            return 1
        time.sleep(1.0)
        tabs = [n for n, role, _name, _p in controls(app) if role == "page tab"]
        # The view switcher is in the header bar twice (wide and narrow);
        # the first four tabs are the ones shown.
        tabs = tabs[:VIEWS]
        print(f"1..{VIEWS + 5}")
        if len(tabs) != VIEWS:
            print(f"not ok 1 - expected {VIEWS} page tabs, found {len(tabs)}")
            return 1
        print(f"ok 1 - {VIEWS} page tabs")
        for i in range(VIEWS):
            tab = controls(app)
            tab = [n for n, role, _name, _p in tab if role == "page tab"][i]
            view = tab.name
            if not activate(tab):
                print(f"not ok {i + 2} - page tab '{view}' cannot be activated")
                failures += 1
                continue
            time.sleep(1.0)
            found = controls(app)
            bad = unnamed(found)
            n_controls = sum(1 for f in found if f[1] in INTERACTIVE)
            if bad:
                failures += 1
                print(f"not ok {i + 2} - view '{view}': {len(bad)} of {n_controls} controls have no name")
                for b in bad:
                    print(f"#   {b}")
            else:
                print(f"ok {i + 2} - view '{view}': {n_controls} controls, all named")
            if i == VIEWS - 1:
                # The map's districts are objects of their own, named with
                # what the map shows of them.
                districts = [name for _n, role, name, _p in found
                             if role in BUTTONS and re.match(r"^.+: (visited .+|not visited yet)$", name)]
                if len(districts) < 54:
                    failures += 1
                    print(f"not ok {VIEWS + 5} - the map has {len(districts)} accessible districts, not 54")
                else:
                    print(f"ok {VIEWS + 5} - the map's 54 districts are accessible objects, like “{districts[0]}”")

        # By keyboard alone: find a centre and open it, then start a
        # contact and type its name.
        n = VIEWS + 2
        key(0x31, 1 << 3)    # Alt+1: the centres
        key(0x66, CTRL)      # Ctrl+F: the search
        type_text("kleve")
        time.sleep(0.6)      # the search entry waits for more typing
        key(0xff09)          # Tab: into the list
        key(0xff0d)          # Return: open the centre
        time.sleep(0.6)
        failures += check_editor(app, n, "Ctrl+F, typing, Tab, Return open a centre",
                                 ["Name", "Street", "Postal code", "Phone", "E-mail", "Website"],
                                 shows="Kleve")
        key(0x6e, CTRL)      # Ctrl+N: a new contact, focus in the given name
        time.sleep(0.6)
        failures += check_editor(app, n + 1, "Ctrl+N opens a new contact",
                                 ["Given name", "Family name", "Phones", "E-mail addresses"])
        type_text("Erika")
        key(0xff09)          # Tab: the family name
        type_text("Mustermann")
        time.sleep(1.5)      # autosave
        listed = subprocess.run([cli, "--db", db, "list", "contacts"], env=env,
                                capture_output=True, text=True).stdout
        if "Erika\tMustermann" in listed:
            print(f"ok {n + 2} - a contact typed by keyboard alone is saved")
        else:
            failures += 1
            print(f"not ok {n + 2} - a contact typed by keyboard alone is not in the catalogue")
            print("#   " + listed.replace("\n", "\n#   "))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
