#!/usr/bin/python3
# check-recovery.py: start the app on a damaged catalogue, as a user would,
# and take the way out it offers: restore the newest sound backup.
#
# Usage: check-recovery.py APP CLI
# Run inside a session bus and an X server (dbus-run-session, xvfb-run).
# Checks: the app shows a dialog instead of crashing or starting empty; the
# damaged file is never changed (it is kept, byte for byte, beside the
# restored one); after "Restore Backup" the window opens on the backup.
# An empty file gets a dialog too, and becomes a catalogue only on request.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import importlib.util
import os
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

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("a11y", os.path.join(here, "check-accessibility.py"))
a11y = importlib.util.module_from_spec(spec)
spec.loader.exec_module(a11y)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def damage(path):
    data = bytearray(open(path, "rb").read())
    start = len(data) // 2 // 4096 * 4096
    for i in range(4096):
        data[start + i] = (i * 7 + 3) % 256
    open(path, "wb").write(bytes(data))


def button(app, label):
    for node, role, name, _path in a11y.controls(app):
        # GTK 4.8 names a response button "_Label Label".
        if role in a11y.BUTTONS and label in name.replace("_", ""):
            return node
    return None


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        # A window that closes during the walk makes it fail: look again.
        try:
            found = predicate()
        except Exception:
            found = None
        if found:
            return found
        time.sleep(0.3)
    return None


def main():
    app_bin, cli = sys.argv[1:3]
    tmp = tempfile.mkdtemp(prefix="atlas-recovery-")
    db = os.path.join(tmp, "catalogue.sqlite")
    env = dict(os.environ)
    if APP_G_DEBUG is not None:
        env["G_DEBUG"] = APP_G_DEBUG
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    csv = os.path.join(tmp, "contacts.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("Vorname,Nachname\r\n")
        for i in range(300):
            f.write(f"Erika,Muster {i}\r\n")
    subprocess.run([cli, "--db", db, "import-contacts", csv], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([cli, "--db", db, "backup"], env=env, check=True, stdout=subprocess.DEVNULL)
    damage(db)
    damaged = sha256(db)

    print("1..5")
    failures = 0
    proc = subprocess.Popen([app_bin, "--db", db], env=env)
    try:
        desktop = pyatspi.Registry.getDesktop(0)
        restore = wait_for(lambda: button(a11y.find_app(desktop, proc.pid), "Restore Backup"))
        app = a11y.find_app(desktop, proc.pid)
        if restore is None or proc.poll() is not None:
            print("not ok 1 - no dialog with “Restore Backup” for a damaged catalogue")
            return 1
        print("ok 1 - a damaged catalogue gets a dialog that offers the backup")
        a11y.activate(restore)
        opened = wait_for(lambda: [n for n, role, _name, _p in a11y.controls(app) if role == "page tab"])
        if not opened:
            failures += 1
            print("not ok 2 - the window did not open after the restore")
        else:
            print("ok 2 - the window opens on the restored catalogue")
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    kept = [f for f in os.listdir(tmp) if f.startswith("catalogue.sqlite.replaced-") and not f.endswith(("-wal", "-shm"))]
    listed = subprocess.run([cli, "--db", db, "list", "contacts"], env=env, capture_output=True, text=True).stdout
    if len(kept) == 1 and sha256(os.path.join(tmp, kept[0])) == damaged and listed.count("Muster") == 300:
        print("ok 3 - the damaged file is kept unchanged and the backup's 300 contacts are back")
    else:
        failures += 1
        print(f"not ok 3 - kept {kept}, {listed.count('Muster')} contacts listed")

    # An empty file (a copy that failed) is said to be empty, not quietly
    # made a new catalogue; the user may start one in it.
    empty = os.path.join(tmp, "leer.sqlite")
    open(empty, "wb").close()
    proc = subprocess.Popen([app_bin, "--db", empty], env=env)
    try:
        app = a11y.find_app(pyatspi.Registry.getDesktop(0), proc.pid)
        start = wait_for(lambda: app and button(app, "Start a New Catalogue"))
        if start is None or os.path.getsize(empty) != 0:
            failures += 1
            print("not ok 4 - no dialog offering a new catalogue for an empty file, or the file was changed")
        else:
            print("ok 4 - an empty file gets a dialog, and is left as it is")
            a11y.activate(start)
            opened = wait_for(lambda: [n for n, role, _name, _p in a11y.controls(app) if role == "page tab"])
            centres = subprocess.run([cli, "--db", empty, "list", "centres"], env=env,
                                     capture_output=True, text=True).stdout
            if opened and centres.count("\n") == 55:
                print("ok 5 - on request, a new catalogue is started in it")
            else:
                failures += 1
                print(f"not ok 5 - window opened: {bool(opened)}, {centres.count(chr(10))} lines of centres")
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
