#!/usr/bin/python3
# A file dialog in the catalogue's folder, then the CLI: the open window
# keeps its locks. GTK's own file dialog reads the files it lists to
# guess their type, the catalogue and its -wal and -shm among them. A
# close() of any descriptor drops every POSIX lock the process holds on
# that file, so the window held no lock any more, and the CLI's next run
# checkpointed and deleted the window's -wal: what the window saved
# after that was lost at the next crash, and a later import in the window
# left a malformed catalogue.
#
# 1. Type a street for Kleve, wait for the autosave.
# 2. Ctrl+O: the import dialog, Alt+Home: the folder with the catalogue.
#    Wait, Escape.
# 3. The CLI lists the centres twice (its last connection closes each time).
# 4. The window's -wal is still there and the window holds no deleted file.
# 5. Type a phone number, wait; the CLI sees it while the window is open;
#    quit; `check` says the catalogue is sound.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os

from atlas import Desktop


def deleted_files(pid):
    """The catalogue files the app still holds although they were deleted."""
    held = []
    fd_dir = f"/proc/{pid}/fd"
    for fd in os.listdir(fd_dir):
        try:
            target = os.readlink(os.path.join(fd_dir, fd))
        except OSError:
            continue
        if "catalogue.sqlite" in target and target.endswith("(deleted)"):
            held.append(target)
    return held


with Desktop("file-dialog-and-cli") as d:
    d.start()
    d.open_centre("Kleve")
    d.focus_field("Street")
    d.key("ctrl+a")
    d.type("Hoher Weg 1")
    d.pause()
    wal = d.db + "-wal"
    d.check(os.path.exists(wal), "the window writes through a -wal")

    d.key("ctrl+o")
    d.wait(lambda: d.nodes("dialog", "Import Press Releases"), 20, "no import dialog")
    d.pause(1)
    d.key("alt+Home", pause=3)          # the work dir: the catalogue's folder
    d.screenshot("file-dialog")
    d.key("Escape", pause=1.5)
    d.wait(lambda: not d.nodes("dialog", "Import Press Releases"), 20, "the import dialog stayed open")

    for _ in range(2):
        listed = d.record("centres", district="Kleve")
        d.check(listed["street"] == "Hoher Weg 1", "the CLI lists what the window saved")
    d.check(os.path.exists(wal), "the window's -wal is still there after the CLI ran")
    gone = deleted_files(d.app.pid)
    d.check(not gone, f"the window holds no deleted catalogue file ({', '.join(gone) or 'none'})")

    d.open_centre("Kleve")
    d.focus_field("Phone")
    d.key("ctrl+a")
    d.type("02821 594-0")
    d.pause()
    phone = d.record("centres", district="Kleve")["phone"]
    d.check(phone == "02821 594-0", f"the CLI sees what the window saved after the dialog (phone “{phone}”)")
    d.quit()

    kleve = d.record("centres", district="Kleve")
    d.check(kleve["street"] == "Hoher Weg 1", f"street “{kleve['street']}”")
    d.check(kleve["phone"] == "02821 594-0", f"phone “{kleve['phone']}”")
    status, out, err = d.cli_status("check")
    d.check(status == 0, f"check says the catalogue is sound ({out.strip()} {err.strip()})")
