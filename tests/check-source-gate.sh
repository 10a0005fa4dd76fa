#!/bin/sh
# Fails when the sources use libxml2 options or calls that read more than the
# one file imported or expand entities (../shared/RELIABILITY.md §1):
# NOENT, DTDLOAD, DTDATTR, DTDVALID, HUGE, RECOVER, XINCLUDE, and the
# file-name readers that gunzip and bypass the entity loader.
set -u
src=$1
found=$(grep -rnE 'XML_PARSE_(NOENT|DTDLOAD|DTDATTR|DTDVALID|HUGE|RECOVER|XINCLUDE)|HTML_PARSE_RECOVER|xmlReadFile|xmlCtxtReadFile|xmlParseFile|xmlReaderForFile|xmlSAXUserParseFile' "$src/src")
if [ -n "$found" ]; then
  echo "unsafe libxml2 use in src/:"
  echo "$found"
  exit 1
fi
echo "src/: no unsafe libxml2 options or file-name readers"
