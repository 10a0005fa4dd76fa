/* atlas-parse.h: what the per-format parsers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "atlas-release.h"
#include "atlas-store.h"
#include "atlas-xml-reader.h"

G_BEGIN_DECLS

#define ATLAS_NS_ATOM      "http://www.w3.org/2005/Atom"
#define ATLAS_NS_RDF       "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define ATLAS_NS_RSS1      "http://purl.org/rss/1.0/"
#define ATLAS_NS_RSS090    "http://my.netscape.com/rdf/simple/0.9/"
#define ATLAS_NS_ATOM03    "http://purl.org/atom/ns#"
#define ATLAS_NS_DC        "http://purl.org/dc/elements/1.1/"
#define ATLAS_NS_DC10      "http://purl.org/dc/elements/1.0/"
#define ATLAS_NS_DCTERMS   "http://purl.org/dc/terms/"
#define ATLAS_NS_FEEDBURNER "http://rssnamespace.org/feedburner/ext/1.0"
#define ATLAS_NS_CONTENT   "http://purl.org/rss/1.0/modules/content/"
#define ATLAS_NS_NITF      "http://iptc.org/std/NITF/2006-10-18/"
#define ATLAS_NS_NEWSML    "http://iptc.org/std/nar/2006-10-01/"
#define ATLAS_NS_XHTML     "http://www.w3.org/1999/xhtml"
#define ATLAS_NS_NATIVE    "https://integrationsatlas.github.io/ns/exchange/1"

/* Called for each release a parser finishes; @line is where it starts. */
typedef gboolean (*AtlasReleaseSink) (AtlasRelease  *release,
                                      int            line,
                                      gpointer       user_data,
                                      GError       **error);

typedef struct {
  AtlasStore *store;         /* only the exchange format writes directly */
  AtlasXmlReader *reader;
  AtlasReleaseSink sink;
  gpointer sink_data;
  char *feed_title;
  char *feed_link;           /* the channel's link, against which item links resolve */
  guint n_visits;            /* visits the exchange format added */
  guint n_centres;           /* centres it changed */
  guint n_contacts;          /* contacts it added */
} AtlasParseContext;

gboolean  atlas_ns_is_rss    (const char *ns);
gboolean  atlas_parse_rss    (AtlasParseContext *ctx, GError **error);
gboolean  atlas_parse_atom   (AtlasParseContext *ctx, GError **error);
gboolean  atlas_parse_nitf   (AtlasParseContext *ctx, GError **error);
gboolean  atlas_parse_newsml (AtlasParseContext *ctx, GError **error);

/* DOM helpers for an expanded item. */
gboolean  atlas_node_is      (xmlNode *node, const char *ns, const char *name);
xmlNode  *atlas_node_child   (xmlNode *parent, const char *ns, const char *name);
xmlNode  *atlas_node_find    (xmlNode *root, const char *ns, const char *name);
char     *atlas_node_text    (xmlNode *node);
char     *atlas_node_attr    (xmlNode *node, const char *name);
char     *atlas_node_body    (xmlNode *node, const char *type);

/* An element's name in a namespace; a list of them ends with name NULL. */
typedef struct {
  const char *ns;
  const char *name;
} AtlasNodeName;

xmlNode  *atlas_node_child_any (xmlNode *parent, const AtlasNodeName *names);
char     *atlas_node_resolve   (xmlNode *node, const char *base, const char *href);

void      atlas_release_take_text (AtlasRelease      *release,
                                   AtlasReleaseField  field,
                                   char              *text);
char     *atlas_first_sentence (const char *text);
void      atlas_release_take_date (AtlasRelease      *release,
                                   const char        *text,
                                   gboolean           is_updated);

gboolean  atlas_parse_each_element (AtlasParseContext  *ctx,
                                    gboolean          (*want) (const char *ns, const char *name, int depth),
                                    gboolean          (*handle) (AtlasParseContext *ctx, xmlNode *node, int line, GError **error),
                                    GError            **error);

G_END_DECLS
