/* atlas-parse-feeds.c: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-date.h"
#include "atlas-html.h"
#include "atlas-parse.h"

/* Feeds put a title on every item but not always: the body's first words
 * stand in. */
static void
ensure_title (AtlasRelease *release)
{
  const char *body = atlas_release_get_field (release, ATLAS_RELEASE_BODY);
  g_autofree char *title = NULL;
  const char *end;

  if (*atlas_release_get_field (release, ATLAS_RELEASE_TITLE) != '\0' || *body == '\0')
    return;

  end = body;
  for (guint chars = 0; *end && *end != '\n' && chars < 80; chars++)
    end = g_utf8_next_char (end);
  title = g_strndup (body, end - body);
  if (*end && *end != '\n')
    {
      char *longer = g_strconcat (title, "…", NULL);

      g_free (title);
      title = longer;
    }
  atlas_release_set_field (release, ATLAS_RELEASE_TITLE, title);
}

/* RSS ------------------------------------------------------------------------ */

/**
 * atlas_ns_is_rss:
 *
 * Returns: whether @ns is one RSS elements live in: none (0.91–2.0), RSS
 *   1.0, RSS 0.90, or one of the namespaces some RSS 0.93–2.0 feeds put
 *   themselves in
 */
gboolean
atlas_ns_is_rss (const char *ns)
{
  static const char * const known[] = {
    ATLAS_NS_RSS1, ATLAS_NS_RSS090,
    "http://backend.userland.com/rss", "http://backend.userland.com/rss093",
    "http://backend.userland.com/rss2", "http://backend.userland.com/rss2.1",
    "http://blogs.law.harvard.edu/tech/rss",
  };

  if (ns == NULL || *ns == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (ns, known[i]))
      return TRUE;
  return FALSE;
}

static gboolean
want_rss (const char *ns,
          const char *name,
          int         depth)
{
  if (g_strcmp0 (name, "item") == 0)
    return atlas_ns_is_rss (ns);

  /* The channel's title names the source of its items. */
  return depth == 2 && g_strcmp0 (name, "title") == 0 && atlas_ns_is_rss (ns);
}

static gboolean
handle_rss (AtlasParseContext  *ctx,
            xmlNode            *node,
            int                 line,
            GError            **error)
{
  g_autoptr(AtlasRelease) release = NULL;
  const char *ns = node->ns ? (const char *) node->ns->href : NULL;
  gboolean rss1 = g_strcmp0 (ns, ATLAS_NS_RSS1) == 0 || g_strcmp0 (ns, ATLAS_NS_RSS090) == 0;
  g_autofree char *pub_date = NULL;
  g_autofree char *dc_date = NULL;
  xmlNode *content;

  if (g_str_equal ((const char *) node->name, "title"))
    {
      if (ctx->feed_title == NULL && node->parent && g_strcmp0 ((const char *) node->parent->name, "channel") == 0)
        ctx->feed_title = atlas_node_text (node);
      return TRUE;
    }

  release = atlas_release_new ();
  atlas_release_set_field (release, ATLAS_RELEASE_FORMAT, rss1 ? "rss1" : "rss2");
  atlas_release_set_field (release, ATLAS_RELEASE_SOURCE, ctx->feed_title);

  atlas_release_take_text (release, ATLAS_RELEASE_TITLE, atlas_node_text (atlas_node_child (node, ns, "title")));
  atlas_release_take_text (release, ATLAS_RELEASE_LINK, atlas_node_text (atlas_node_child (node, ns, "link")));
  if (rss1)
    atlas_release_take_text (release, ATLAS_RELEASE_GUID, atlas_node_attr (node, "about"));
  else
    atlas_release_take_text (release, ATLAS_RELEASE_GUID, atlas_node_text (atlas_node_child (node, ns, "guid")));

  content = atlas_node_child (node, ATLAS_NS_CONTENT, "encoded");
  if (content == NULL)
    content = atlas_node_child (node, ns, "description");
  atlas_release_take_text (release, ATLAS_RELEASE_BODY, atlas_node_body (content, "html"));
  ensure_title (release);

  atlas_release_take_text (release, ATLAS_RELEASE_AUTHOR, atlas_node_text (atlas_node_child (node, ATLAS_NS_DC, "creator")));
  if (*atlas_release_get_field (release, ATLAS_RELEASE_AUTHOR) == '\0')
    atlas_release_take_text (release, ATLAS_RELEASE_AUTHOR, atlas_node_text (atlas_node_child (node, ns, "author")));

  pub_date = atlas_node_text (atlas_node_child (node, ns, "pubDate"));
  dc_date = atlas_node_text (atlas_node_child (node, ATLAS_NS_DC, "date"));
  atlas_release_take_date (release, pub_date ? pub_date : dc_date, FALSE);

  return ctx->sink (release, line, ctx->sink_data, error);
}

gboolean
atlas_parse_rss (AtlasParseContext  *ctx,
                 GError            **error)
{
  return atlas_parse_each_element (ctx, want_rss, handle_rss, error);
}

/* Atom ----------------------------------------------------------------------- */

static gboolean
is_atom_ns (const char *ns)
{
  return g_strcmp0 (ns, ATLAS_NS_ATOM) == 0 || g_strcmp0 (ns, ATLAS_NS_ATOM03) == 0;
}

static gboolean
want_atom (const char *ns,
           const char *name,
           int         depth)
{
  if (!is_atom_ns (ns))
    return FALSE;

  return g_strcmp0 (name, "entry") == 0 || (depth == 1 && g_strcmp0 (name, "title") == 0);
}

/* Atom 1.0 says type="text|html|xhtml"; Atom 0.3 gave a MIME type and a
 * mode (escaped, xml, base64). */
static char *
atom_text (xmlNode *node)
{
  g_autofree char *type = atlas_node_attr (node, "type");
  g_autofree char *mode = atlas_node_attr (node, "mode");
  gboolean html;

  if (node == NULL)
    return NULL;

  html = type != NULL && (g_str_equal (type, "html") || g_str_equal (type, "text/html") ||
                          g_str_equal (type, "application/xhtml+xml") || g_str_equal (type, "xhtml"));

  if (mode != NULL && g_str_equal (mode, "base64"))
    {
      g_autofree char *encoded = atlas_node_body (node, "text");
      gsize len = 0;
      g_autofree guchar *decoded = g_base64_decode (encoded, &len);
      g_autofree char *text = g_strndup ((const char *) decoded, len);

      if (!g_utf8_validate (text, -1, NULL))
        return NULL;
      return html ? atlas_html_to_text (text) : atlas_html_tidy_text (text);
    }
  if (mode != NULL && g_str_equal (mode, "xml"))
    return atlas_node_body (node, "xhtml");
  if (type != NULL && (g_str_equal (type, "xhtml") || g_str_equal (type, "application/xhtml+xml")))
    return atlas_node_body (node, "xhtml");

  return atlas_node_body (node, html ? "html" : "text");
}

static char *
atom_link (xmlNode *entry)
{
  const char *ns = (const char *) entry->ns->href;

  for (xmlNode *child = entry->children; child != NULL; child = child->next)
    {
      g_autofree char *rel = NULL;

      if (!atlas_node_is (child, ns, "link"))
        continue;
      rel = atlas_node_attr (child, "rel");
      if (rel == NULL || g_str_equal (rel, "alternate"))
        return atlas_node_attr (child, "href");
    }

  return NULL;
}

static gboolean
handle_atom (AtlasParseContext  *ctx,
             xmlNode            *node,
             int                 line,
             GError            **error)
{
  g_autoptr(AtlasRelease) release = NULL;
  g_autofree char *published = NULL;
  g_autofree char *updated = NULL;
  const char *ns = (const char *) node->ns->href;
  xmlNode *content;

  if (g_str_equal ((const char *) node->name, "title"))
    {
      if (ctx->feed_title == NULL)
        ctx->feed_title = atom_text (node);
      return TRUE;
    }

  release = atlas_release_new ();
  atlas_release_set_field (release, ATLAS_RELEASE_FORMAT, "atom");
  atlas_release_set_field (release, ATLAS_RELEASE_SOURCE, ctx->feed_title);

  atlas_release_take_text (release, ATLAS_RELEASE_GUID, atlas_node_text (atlas_node_child (node, ns, "id")));
  atlas_release_take_text (release, ATLAS_RELEASE_TITLE, atom_text (atlas_node_child (node, ns, "title")));
  atlas_release_take_text (release, ATLAS_RELEASE_LINK, atom_link (node));
  atlas_release_take_text (release, ATLAS_RELEASE_AUTHOR,
            atlas_node_text (atlas_node_child (atlas_node_child (node, ns, "author"), ns, "name")));

  content = atlas_node_child (node, ns, "content");
  if (content == NULL)
    content = atlas_node_child (node, ns, "summary");
  atlas_release_take_text (release, ATLAS_RELEASE_BODY, atom_text (content));
  ensure_title (release);

  /* Atom 0.3 called them issued (or created) and modified. */
  published = atlas_node_text (atlas_node_child (node, ns, "published"));
  if (published == NULL)
    published = atlas_node_text (atlas_node_child (node, ns, "issued"));
  if (published == NULL)
    published = atlas_node_text (atlas_node_child (node, ns, "created"));
  updated = atlas_node_text (atlas_node_child (node, ns, "updated"));
  if (updated == NULL)
    updated = atlas_node_text (atlas_node_child (node, ns, "modified"));
  atlas_release_take_date (release, published ? published : updated, FALSE);
  atlas_release_take_date (release, updated, TRUE);

  return ctx->sink (release, line, ctx->sink_data, error);
}

gboolean
atlas_parse_atom (AtlasParseContext  *ctx,
                  GError            **error)
{
  return atlas_parse_each_element (ctx, want_atom, handle_atom, error);
}
