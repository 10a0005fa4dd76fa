/* atlas-parse-feeds.c: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-date.h"
#include "atlas-html.h"
#include "atlas-parse.h"

static char *atom_text (xmlNode *node);

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

  /* The channel's title names the source of its items; its link is what
   * relative item links resolve against. */
  return depth == 2 && (g_strcmp0 (name, "title") == 0 || g_strcmp0 (name, "link") == 0) && atlas_ns_is_rss (ns);
}

/* Where feeds of any kind put an item's dates, first the publication. */
#define PUBLISHED_ELSEWHERE \
  { ATLAS_NS_DC, "date" }, { ATLAS_NS_DC10, "date" }, \
  { ATLAS_NS_DCTERMS, "issued" }, { ATLAS_NS_DCTERMS, "created" }, { ATLAS_NS_DCTERMS, "date" }, \
  { ATLAS_NS_DCTERMS, "available" }, \
  { ATLAS_NS_ATOM, "published" }, { ATLAS_NS_ATOM03, "issued" }, { ATLAS_NS_ATOM03, "created" }
#define UPDATED_ELSEWHERE \
  { ATLAS_NS_DCTERMS, "modified" }, { ATLAS_NS_ATOM, "updated" }, { ATLAS_NS_ATOM03, "modified" }

/* The first date of @names that reads; else the first there is, so the
 * report can name the impossible one. */
static void
take_first_date (AtlasRelease        *release,
                 xmlNode             *item,
                 const AtlasNodeName *names,
                 gboolean             is_updated)
{
  for (const AtlasNodeName *n = names; n->name != NULL; n++)
    {
      g_autofree char *text = atlas_node_text (atlas_node_child (item, n->ns, n->name));

      if (text != NULL && *text != '\0')
        {
          atlas_release_take_date (release, text, is_updated);
          if (is_updated ? atlas_release_get_updated (release) != 0 : atlas_release_get_published (release) != 0)
            return;
        }
    }
}

/* feedburner:origLink names the publisher's page behind the proxy link. */
static char *
origin_link (xmlNode *item)
{
  return atlas_node_text (atlas_node_child (item, ATLAS_NS_FEEDBURNER, "origLink"));
}

/* An Atom link element's href: rel alternate, or no rel. */
static char *
atom_link_in (xmlNode    *item,
              const char *ns,
              const char *base)
{
  for (xmlNode *child = item->children; child != NULL; child = child->next)
    {
      g_autofree char *rel = NULL;
      g_autofree char *href = NULL;

      if (!atlas_node_is (child, ns, "link"))
        continue;
      rel = atlas_node_attr (child, "rel");
      href = atlas_node_attr (child, "href");
      if (href != NULL && (rel == NULL || g_str_equal (rel, "alternate")))
        return atlas_node_resolve (child, base, href);
    }

  return NULL;
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
  xmlNode *content;

  if (g_str_equal ((const char *) node->name, "title"))
    {
      if (ctx->feed_title == NULL && node->parent && g_strcmp0 ((const char *) node->parent->name, "channel") == 0)
        ctx->feed_title = atlas_node_text (node);
      return TRUE;
    }
  if (g_str_equal ((const char *) node->name, "link"))
    {
      g_autofree char *href = atlas_node_text (node);

      if (ctx->feed_link == NULL && node->parent && g_strcmp0 ((const char *) node->parent->name, "channel") == 0)
        ctx->feed_link = atlas_node_resolve (node, NULL, href);
      return TRUE;
    }

  release = atlas_release_new ();
  atlas_release_set_field (release, ATLAS_RELEASE_FORMAT, rss1 ? "rss1" : "rss2");
  atlas_release_set_field (release, ATLAS_RELEASE_SOURCE, ctx->feed_title);

  {
    const AtlasNodeName titles[] = { { ns, "title" }, { ATLAS_NS_DC, "title" }, { ATLAS_NS_DC10, "title" }, { NULL, NULL } };
    xmlNode *title = atlas_node_child_any (node, titles);

    if (title == NULL && (title = atlas_node_child (node, ATLAS_NS_ATOM, "title")) != NULL)
      atlas_release_take_text (release, ATLAS_RELEASE_TITLE, atom_text (title));
    else if (title == NULL)
      atlas_release_take_text (release, ATLAS_RELEASE_TITLE, atom_text (atlas_node_child (node, ATLAS_NS_ATOM03, "title")));
    else
      {
        /* Some titles carry escaped HTML ("This &amp;amp; that", "<b>"). */
        g_autofree char *text = atlas_node_text (title);

        atlas_release_take_text (release, ATLAS_RELEASE_TITLE,
                                 atlas_html_has_markup (text) ? atlas_html_to_text (text) : g_steal_pointer (&text));
      }
  }

  /* The link: feedburner's original, the item's own, an Atom link, or a
   * guid that is a permalink; relative ones resolved. */
  {
    g_autofree char *origin = origin_link (node);
    xmlNode *link = atlas_node_child (node, ns, "link");
    g_autofree char *text = atlas_node_text (link);
    xmlNode *guid = atlas_node_child (node, ns, "guid");

    if (origin != NULL && *origin != '\0')
      atlas_release_take_text (release, ATLAS_RELEASE_LINK, atlas_node_resolve (node, ctx->feed_link, origin));
    else if (text != NULL && *text != '\0')
      atlas_release_take_text (release, ATLAS_RELEASE_LINK, atlas_node_resolve (link, ctx->feed_link, text));
    else
      atlas_release_take_text (release, ATLAS_RELEASE_LINK, atom_link_in (node, ATLAS_NS_ATOM, ctx->feed_link));
    if (*atlas_release_get_field (release, ATLAS_RELEASE_LINK) == '\0')
      atlas_release_take_text (release, ATLAS_RELEASE_LINK, atom_link_in (node, ATLAS_NS_ATOM03, ctx->feed_link));

    if (*atlas_release_get_field (release, ATLAS_RELEASE_LINK) == '\0' && guid != NULL)
      {
        g_autofree char *permalink = atlas_node_attr (guid, "isPermaLink");
        g_autofree char *value = atlas_node_text (guid);

        if (g_strcmp0 (permalink, "false") != 0 && *value != '\0')
          atlas_release_take_text (release, ATLAS_RELEASE_LINK, atlas_node_resolve (guid, ctx->feed_link, value));
      }
  }

  {
    const AtlasNodeName ids[] = {
      { ns, "guid" }, { ATLAS_NS_DC, "identifier" }, { ATLAS_NS_DC10, "identifier" },
      { ATLAS_NS_ATOM, "id" }, { ATLAS_NS_ATOM03, "id" }, { NULL, NULL }
    };

    atlas_release_take_text (release, ATLAS_RELEASE_GUID, atlas_node_text (atlas_node_child_any (node, ids)));
    if (rss1 && *atlas_release_get_field (release, ATLAS_RELEASE_GUID) == '\0')
      atlas_release_take_text (release, ATLAS_RELEASE_GUID, atlas_node_attr (node, "about"));
  }

  content = atlas_node_child (node, ATLAS_NS_CONTENT, "encoded");
  if (content == NULL)
    content = atlas_node_child (node, ns, "description");
  if (content == NULL)
    content = atlas_node_child (node, ATLAS_NS_DC, "description");
  atlas_release_take_text (release, ATLAS_RELEASE_BODY, atlas_node_body (content, "html"));
  if (*atlas_release_get_field (release, ATLAS_RELEASE_TITLE) == '\0')
    atlas_release_take_text (release, ATLAS_RELEASE_TITLE,
                             atlas_first_sentence (atlas_release_get_field (release, ATLAS_RELEASE_BODY)));

  atlas_release_take_text (release, ATLAS_RELEASE_AUTHOR, atlas_node_text (atlas_node_child (node, ATLAS_NS_DC, "creator")));
  if (*atlas_release_get_field (release, ATLAS_RELEASE_AUTHOR) == '\0')
    atlas_release_take_text (release, ATLAS_RELEASE_AUTHOR, atlas_node_text (atlas_node_child (node, ns, "author")));

  {
    const AtlasNodeName published[] = { { ns, "pubDate" }, PUBLISHED_ELSEWHERE, UPDATED_ELSEWHERE, { NULL, NULL } };
    const AtlasNodeName updated[] = { UPDATED_ELSEWHERE, { NULL, NULL } };

    take_first_date (release, node, published, FALSE);
    take_first_date (release, node, updated, TRUE);
  }

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

static gboolean
handle_atom (AtlasParseContext  *ctx,
             xmlNode            *node,
             int                 line,
             GError            **error)
{
  g_autoptr(AtlasRelease) release = NULL;
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

  {
    const AtlasNodeName ids[] = { { ns, "id" }, { ATLAS_NS_DC, "identifier" }, { ATLAS_NS_DC10, "identifier" }, { NULL, NULL } };
    const AtlasNodeName titles[] = { { ns, "title" }, { ATLAS_NS_DC, "title" }, { ATLAS_NS_DC10, "title" }, { NULL, NULL } };
    g_autofree char *origin = origin_link (node);

    atlas_release_take_text (release, ATLAS_RELEASE_GUID, atlas_node_text (atlas_node_child_any (node, ids)));
    atlas_release_take_text (release, ATLAS_RELEASE_TITLE, atom_text (atlas_node_child_any (node, titles)));
    if (origin != NULL && *origin != '\0')
      atlas_release_take_text (release, ATLAS_RELEASE_LINK, atlas_node_resolve (node, NULL, origin));
    else
      atlas_release_take_text (release, ATLAS_RELEASE_LINK, atom_link_in (node, ns, NULL));
  }
  atlas_release_take_text (release, ATLAS_RELEASE_AUTHOR,
            atlas_node_text (atlas_node_child (atlas_node_child (node, ns, "author"), ns, "name")));

  content = atlas_node_child (node, ns, "content");
  if (content == NULL)
    content = atlas_node_child (node, ns, "summary");
  atlas_release_take_text (release, ATLAS_RELEASE_BODY, atom_text (content));
  if (*atlas_release_get_field (release, ATLAS_RELEASE_TITLE) == '\0')
    atlas_release_take_text (release, ATLAS_RELEASE_TITLE,
                             atlas_first_sentence (atlas_release_get_field (release, ATLAS_RELEASE_BODY)));

  /* Atom 0.3 called them issued (or created) and modified. */
  {
    const AtlasNodeName published[] = {
      { ns, "published" }, { ns, "issued" }, { ns, "created" }, PUBLISHED_ELSEWHERE,
      { ns, "updated" }, { ns, "modified" }, UPDATED_ELSEWHERE, { NULL, NULL }
    };
    const AtlasNodeName updated[] = { { ns, "updated" }, { ns, "modified" }, UPDATED_ELSEWHERE, { NULL, NULL } };

    take_first_date (release, node, published, FALSE);
    take_first_date (release, node, updated, TRUE);
  }

  return ctx->sink (release, line, ctx->sink_data, error);
}

gboolean
atlas_parse_atom (AtlasParseContext  *ctx,
                  GError            **error)
{
  return atlas_parse_each_element (ctx, want_atom, handle_atom, error);
}
