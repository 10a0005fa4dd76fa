/* atlas-xml-reader-private.h: what the reader and its byte repairs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-xml-reader.h"

G_BEGIN_DECLS

/* "&thetasym;" is the longest HTML 4 entity; what may still follow. */
#define HOLD_BACK 16
/* How far into a file the XML declaration is looked for. */
#define HEAD_MAX 1024

struct _AtlasXmlReader
{
  xmlTextReaderPtr reader;
  GInputStream *stream;
  GCancellable *cancellable;
  char *name;

  goffset n_bytes;
  goffset max_bytes;
  gboolean first_read;

  /* Bytes repaired and waiting for libxml2; see atlas-xml-reader-repair.c. */
  GByteArray *pending;
  gsize pending_pos;
  GByteArray *carry;     /* unfiltered tail held back for the next chunk */
  gboolean eof;
  gboolean map_entities; /* not for UTF-16 */
  int state;             /* 0 text, 1 in a comment, 2 in CDATA */
  int n_lines;           /* lines read so far */
  int line_offset;       /* lines dropped before the XML declaration */
  char *detail;          /* libxml2's own words for the first error */

  /* The first problem found; later ones are consequences. */
  GError *error;
  int error_line;
  int error_column;
  gboolean root_seen;
  /* Asking the reader for its document makes it ours to free. */
  xmlDocPtr doc;
};

/* atlas-xml-reader-repair.c */
const char *atlas_xml_not_xml_kind     (const guchar   *b,
                                        gsize           n);
gboolean    atlas_xml_harmless_prefix  (const guchar   *b,
                                        gsize           decl);
gssize      atlas_xml_find_declaration (const guchar   *b,
                                        gsize           n);
gboolean    atlas_xml_mislabelled_utf8 (const guchar   *b,
                                        gsize           n,
                                        gboolean        last,
                                        gsize          *at,
                                        gsize          *len);
void        atlas_xml_filter           (AtlasXmlReader *self,
                                        const guchar   *b,
                                        gsize           n,
                                        gboolean        last);

G_END_DECLS
