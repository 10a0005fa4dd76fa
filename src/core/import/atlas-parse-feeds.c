/* atlas-parse-feeds.c: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-date.h"
#include "atlas-parse.h"

/* Keeps the date as written, for the error message if it is impossible. */
static void
set_date (AtlasRelease *release,
          const char   *text,
          gboolean      is_updated)
{
  gint64 t;

  if (text == NULL || *text == '\0')
    return;

  if (atlas_date_parse_any (text, &t))
    {
      if (is_updated)
        atlas_release_set_updated (release, t);
      else
        atlas_release_set_published (release, t);
    }
  else if (!is_updated)
    g_object_set_data_full (G_OBJECT (release), "atlas-bad-date", g_strdup (text), g_free);
}

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

static void
set_text (AtlasRelease      *release,
          AtlasReleaseField  field,
          char              *text)  /* (transfer full) */
{
  if (text != NULL)
    atlas_release_set_field (release, field, text);
  g_free (text);
}

/* RSS ------------------------------------------------------------------------ */

static gboolean
want_rss (const char *ns,
          const char *name,
          int         depth)
{
  if (g_strcmp0 (name, "item") == 0)
    return ns == NULL || g_str_equal (ns, ATLAS_NS_RSS1);

  /* The channel's title names the source of its items. */
  return depth == 2 && g_strcmp0 (name, "title") == 0 &&
         (ns == NULL || g_str_equal (ns, ATLAS_NS_RSS1));
}

static gboolean
handle_rss (AtlasParseContext  *ctx,
            xmlNode            *node,
            int                 line,
            GError            **error)
{
  g_autoptr(AtlasRelease) release = NULL;
  const char *ns = node->ns ? (const char *) node->ns->href : NULL;
  gboolean rss1 = ns != NULL;
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

  set_text (release, ATLAS_RELEASE_TITLE, atlas_node_text (atlas_node_child (node, ns, "title")));
  set_text (release, ATLAS_RELEASE_LINK, atlas_node_text (atlas_node_child (node, ns, "link")));
  if (rss1)
    set_text (release, ATLAS_RELEASE_GUID, atlas_node_attr (node, "about"));
  else
    set_text (release, ATLAS_RELEASE_GUID, atlas_node_text (atlas_node_child (node, NULL, "guid")));

  content = atlas_node_child (node, ATLAS_NS_CONTENT, "encoded");
  if (content == NULL)
    content = atlas_node_child (node, ns, "description");
  set_text (release, ATLAS_RELEASE_BODY, atlas_node_body (content, "html"));
  ensure_title (release);

  set_text (release, ATLAS_RELEASE_AUTHOR, atlas_node_text (atlas_node_child (node, ATLAS_NS_DC, "creator")));
  if (*atlas_release_get_field (release, ATLAS_RELEASE_AUTHOR) == '\0')
    set_text (release, ATLAS_RELEASE_AUTHOR, atlas_node_text (atlas_node_child (node, ns, "author")));

  pub_date = atlas_node_text (atlas_node_child (node, ns, "pubDate"));
  dc_date = atlas_node_text (atlas_node_child (node, ATLAS_NS_DC, "date"));
  set_date (release, pub_date ? pub_date : dc_date, FALSE);

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
want_atom (const char *ns,
           const char *name,
           int         depth)
{
  if (g_strcmp0 (ns, ATLAS_NS_ATOM) != 0)
    return FALSE;

  return g_strcmp0 (name, "entry") == 0 || (depth == 1 && g_strcmp0 (name, "title") == 0);
}

static char *
atom_text (xmlNode *node)
{
  g_autofree char *type = atlas_node_attr (node, "type");

  if (node == NULL)
    return NULL;

  return atlas_node_body (node, type ? type : "text");
}

static char *
atom_link (xmlNode *entry)
{
  for (xmlNode *child = entry->children; child != NULL; child = child->next)
    {
      g_autofree char *rel = NULL;

      if (!atlas_node_is (child, ATLAS_NS_ATOM, "link"))
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

  set_text (release, ATLAS_RELEASE_GUID, atlas_node_text (atlas_node_child (node, ATLAS_NS_ATOM, "id")));
  set_text (release, ATLAS_RELEASE_TITLE, atom_text (atlas_node_child (node, ATLAS_NS_ATOM, "title")));
  set_text (release, ATLAS_RELEASE_LINK, atom_link (node));
  set_text (release, ATLAS_RELEASE_AUTHOR,
            atlas_node_text (atlas_node_child (atlas_node_child (node, ATLAS_NS_ATOM, "author"),
                                               ATLAS_NS_ATOM, "name")));

  content = atlas_node_child (node, ATLAS_NS_ATOM, "content");
  if (content == NULL)
    content = atlas_node_child (node, ATLAS_NS_ATOM, "summary");
  set_text (release, ATLAS_RELEASE_BODY, atom_text (content));
  ensure_title (release);

  published = atlas_node_text (atlas_node_child (node, ATLAS_NS_ATOM, "published"));
  updated = atlas_node_text (atlas_node_child (node, ATLAS_NS_ATOM, "updated"));
  set_date (release, published ? published : updated, FALSE);
  set_date (release, updated, TRUE);

  return ctx->sink (release, line, ctx->sink_data, error);
}

gboolean
atlas_parse_atom (AtlasParseContext  *ctx,
                  GError            **error)
{
  return atlas_parse_each_element (ctx, want_atom, handle_atom, error);
}
