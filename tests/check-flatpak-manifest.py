#!/usr/bin/env python3
"""Checks what can be checked of the Flatpak manifest without a runtime:
valid JSON, the app ID and command, permissions within the allowed set
(no network, no home or host files: files go through the portal), and that
every module's local source exists."""
import json
import os
import sys

ALLOWED = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}

source_root, manifest_path = sys.argv[1], sys.argv[2]
with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)

problems = []
if manifest.get("app-id") != "io.github.integrationsatlas.Integrationsatlas":
    problems.append(f"app-id is {manifest.get('app-id')!r}")
if manifest.get("command") != "integrationsatlas":
    problems.append(f"command is {manifest.get('command')!r}")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    problems.append("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
extra = set(manifest.get("finish-args", [])) - ALLOWED
if extra:
    problems.append(f"permissions beyond the allowed set: {sorted(extra)}")

for module in manifest.get("modules", []):
    if isinstance(module, str):
        if not os.path.exists(os.path.join(os.path.dirname(manifest_path), module)):
            problems.append(f"module file {module} is missing")
        continue
    for source in module.get("sources", []):
        if source.get("type") in ("dir", "file", "patch"):
            path = os.path.normpath(os.path.join(os.path.dirname(manifest_path), source["path"]))
            if not os.path.exists(path):
                problems.append(f"source {source['path']} of {module['name']} is missing")
            elif source["type"] == "dir" and not os.path.exists(os.path.join(path, "meson.build")):
                problems.append(f"source {source['path']} of {module['name']} has no meson.build")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"{manifest_path}: ok ({len(manifest.get('modules', []))} module(s), "
      f"finish-args {manifest.get('finish-args')})")
