/* fuzz-common.h: what every fuzz target shares
 *
 * Each target defines LLVMFuzzerTestOneInput(). Linked with libFuzzer
 * (-Dfuzzing=true, clang) it is fuzzed; otherwise driver.c runs it over
 * the files of its seed corpus, as a plain test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The input as a NUL-terminated string (the parsers take C strings). */
static inline char *
fuzz_string (const uint8_t *data,
             size_t         size)
{
  char *s = g_malloc (size + 1);

  memcpy (s, data, size);
  s[size] = '\0';
  return s;
}
