#!/usr/bin/env python3
"""Checks what Flathub would check of the Flatpak manifests, without a
runtime, and the screenshots the metainfo gives Flathub.

  check-flatpak-manifest.py SOURCE_ROOT METAINFO MANIFEST...

Each manifest: valid JSON, the app ID and command, the GNOME runtime 50 or
newer, permissions within the allowed set (no network, no home or host
files: files go through the portal), every local source present, every git
source pinned to a tag and the full commit, and that commit the tag's when
the tag is in this clone. The metainfo (source, before translation): a
<developer id> with a <name>, and screenshots linked from a release tag,
not a branch, with a caption, at least one in English with xml:lang, each
at most 1000x700 where it is in resources/screenshots/."""
import json
import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

ALLOWED = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
FORBIDDEN = re.compile(r"^--(share=network|filesystem=(home|host|~).*|socket=(session-bus|system-bus)|device=all)$")
MIN_RUNTIME = 50
SCREENSHOT_URL = re.compile(
    r"^https://raw\.githubusercontent\.com/integrationsatlas/integrationsatlas/(v\d+\.\d+\.\d+)/"
    r"(resources/screenshots/[^/]+\.png)$")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def git(source_root, *args):
    try:
        result = subprocess.run(["git", "-C", source_root, *args], capture_output=True, text=True)
    except FileNotFoundError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def check_manifest(source_root, path):
    problems = []
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    if manifest.get("app-id") != "io.github.integrationsatlas.Integrationsatlas":
        problems.append(f"app-id is {manifest.get('app-id')!r}")
    if manifest.get("command") != "integrationsatlas":
        problems.append(f"command is {manifest.get('command')!r}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        problems.append("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit() or int(version) < MIN_RUNTIME:
        problems.append(f"runtime-version {version!r}: GNOME {MIN_RUNTIME} or newer is needed")
    finish_args = manifest.get("finish-args", [])
    forbidden = [a for a in finish_args if FORBIDDEN.match(a)]
    if forbidden:
        problems.append(f"network, home or host access: {forbidden}")
    extra = set(finish_args) - ALLOWED - set(forbidden)
    if extra:
        problems.append(f"permissions beyond the allowed set: {sorted(extra)}")

    for module in manifest.get("modules", []):
        if isinstance(module, str):
            if not os.path.exists(os.path.join(os.path.dirname(path), module)):
                problems.append(f"module file {module} is missing")
            continue
        for source in module.get("sources", []):
            kind = source.get("type")
            if kind in ("dir", "file", "patch"):
                local = os.path.normpath(os.path.join(os.path.dirname(path), source["path"]))
                if not os.path.exists(local):
                    problems.append(f"source {source['path']} of {module['name']} is missing")
                elif kind == "dir" and not os.path.exists(os.path.join(local, "meson.build")):
                    problems.append(f"source {source['path']} of {module['name']} has no meson.build")
            elif kind == "git":
                tag, commit = source.get("tag"), source.get("commit", "")
                if not source.get("url", "").startswith("https://"):
                    problems.append(f"git source of {module['name']}: no https url")
                if not tag or not re.fullmatch(r"[0-9a-f]{40}", commit):
                    problems.append(f"git source of {module['name']}: needs a tag and the full commit")
                    continue
                tagged = git(source_root, "rev-parse", "--verify", "--quiet", tag + "^{commit}")
                if tagged and tagged != commit:
                    problems.append(f"git source of {module['name']}: {tag} is {tagged}, the manifest says "
                                    f"{commit} (tools/release-manifest {tag} writes it)")
    return problems


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def check_metainfo(source_root, path):
    problems = []
    root = ET.parse(path).getroot()
    developer = root.find("developer")
    if developer is None or not developer.get("id") or not (developer.findtext("name") or "").strip():
        problems.append("metainfo: needs <developer id=\"…\"><name>…</name></developer>")
    screenshots = root.findall("screenshots/screenshot")
    if not screenshots:
        problems.append("metainfo: no screenshot")
    english = False
    for shot in screenshots:
        captions = shot.findall("caption")
        if not captions:
            problems.append("metainfo: a screenshot without caption")
        for image in shot.findall("image"):
            url = (image.text or "").strip()
            m = SCREENSHOT_URL.match(url)
            if not m:
                problems.append(f"metainfo: {url} is not a PNG under resources/screenshots at a release tag")
                continue
            if image.get(XML_LANG, "").startswith("en"):
                english = True
            local = os.path.join(source_root, m.group(2))
            if os.path.exists(local):
                size = png_size(local)
                if size is None or size[0] > 1000 or size[1] > 700:
                    problems.append(f"metainfo: {m.group(2)} is {size}, more than 1000x700")
            else:
                problems.append(f"metainfo: {m.group(2)} is not in the checkout")
    if screenshots and not english:
        problems.append("metainfo: no screenshot image with xml:lang=\"en\"")
    return problems


def main():
    source_root, metainfo, manifests = sys.argv[1], sys.argv[2], sys.argv[3:]
    problems = check_metainfo(source_root, metainfo)
    for path in manifests:
        problems += [f"{path}: {p}" for p in check_manifest(source_root, path)]
    if problems:
        print("\n".join(problems))
        return 1
    print(f"{metainfo}: ok; {len(manifests)} manifest(s) ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
