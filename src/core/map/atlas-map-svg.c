/* atlas-map-svg.c: the tour map as SVG that people can edit
 *
 * Cairo's SVG surface cannot name elements, so the map has its own writer:
 * layers are groups, every district is one path whose id is its AGS
 * (id="ags-05315"), text stays text. It follows the same layout as the
 * cairo renderer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-private.h"

static char *
hex (const AtlasRgb *c)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) (c->r * 255 + 0.5), (int) (c->g * 255 + 0.5),
                          (int) (c->b * 255 + 0.5));
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
append_number (GString *out,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.1f", v));
}

/* A number for an attribute, with a point whatever the locale. */
static const char *
format_number (char   buf[G_ASCII_DTOSTR_BUF_SIZE],
               double v)
{
  return g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", v);
}

static void
append_area_path (GString              *out,
                  const AtlasMapLayout *layout,
                  const AtlasArea      *area)
{
  for (guint r = 0; r < area->rings->len; r++)
    {
      GArray *ring = g_ptr_array_index (area->rings, r);

      for (guint i = 0; i < ring->len; i++)
        {
          AtlasPoint *p = &g_array_index (ring, AtlasPoint, i);
          double cx, cy;

          atlas_map_layout_to_canvas (layout, p->x, p->y, &cx, &cy);
          g_string_append_c (out, i == 0 ? 'M' : 'L');
          append_number (out, cx);
          g_string_append_c (out, ' ');
          append_number (out, cy);
        }
      g_string_append_c (out, 'Z');
    }
}

static void
append_text (GString    *out,
             double      x,
             double      y,
             double      size,
             const char *fill,
             const char *anchor,
             const char *weight,
             const char *text,
             double      halo)
{
  g_string_append (out, "    <text x=\"");
  append_number (out, x);
  g_string_append (out, "\" y=\"");
  append_number (out, y);
  g_string_append (out, "\" font-size=\"");
  append_number (out, size);
  g_string_append_printf (out, "\" fill=\"%s\" text-anchor=\"%s\" font-weight=\"%s\"", fill, anchor, weight);
  if (halo > 0)
    {
      g_string_append_printf (out, " class=\"halo\" stroke=\"%s\" stroke-opacity=\"0.85\" "
                              "stroke-linejoin=\"round\" stroke-width=\"", fill);
      append_number (out, halo);
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '>');
  append_escaped (out, text);
  g_string_append (out, "</text>\n");
}

static void
append_uncertain_ring (GString    *out,
                       double      cx,
                       double      cy,
                       double      r,
                       const char *colour)
{
  g_string_append (out, "     <circle class=\"day-unknown\" cx=\"");
  append_number (out, cx);
  g_string_append (out, "\" cy=\"");
  append_number (out, cy);
  g_string_append (out, "\" r=\"");
  append_number (out, r * 1.45);
  g_string_append_printf (out, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"", colour);
  append_number (out, MAX (1.0, r * 0.16));
  g_string_append (out, "\" stroke-dasharray=\"");
  append_number (out, r * 0.4);
  g_string_append (out, "\"/>\n");
}

static const char *
legend_class (AtlasLegendKind kind)
{
  static const char * const names[ATLAS_N_LEGEND_KINDS] = {
    "visited", "planned", "not-visited", "stop", "stop-day-unknown", "more", "route",
  };

  return names[kind];
}

typedef struct {
  char *bg, *text, *dim, *visited, *planned, *none, *border, *route, *stop, *stop_text;
} Colours;

static void
colours_init (Colours            *c,
              const AtlasPalette *palette)
{
  c->bg = hex (&palette->background);
  c->text = hex (&palette->text);
  c->dim = hex (&palette->dim_text);
  c->visited = hex (&palette->visited);
  c->planned = hex (&palette->planned);
  c->none = hex (&palette->not_visited);
  c->border = hex (&palette->border);
  c->route = hex (&palette->route);
  c->stop = hex (&palette->stop);
  c->stop_text = hex (&palette->stop_text);
}

static void
colours_clear (Colours *c)
{
  g_free (c->bg);
  g_free (c->text);
  g_free (c->dim);
  g_free (c->visited);
  g_free (c->planned);
  g_free (c->none);
  g_free (c->border);
  g_free (c->route);
  g_free (c->stop);
  g_free (c->stop_text);
}

static void
append_rect (GString           *out,
             const char        *attributes,
             double             x,
             double             y,
             double             width,
             double             height)
{
  g_string_append_printf (out, "  <rect %s x=\"", attributes);
  append_number (out, x);
  g_string_append (out, "\" y=\"");
  append_number (out, y);
  g_string_append (out, "\" width=\"");
  append_number (out, width);
  g_string_append (out, "\" height=\"");
  append_number (out, height);
  g_string_append (out, "\"/>\n");
}

/* The districts, the route, the names and the stops of @layout: the main
 * map, or the inset, whose ids start with @prefix. */
static void
append_map (GString              *out,
            const AtlasMapScene  *scene,
            const AtlasMapLayout *layout,
            const Colours        *c,
            const char           *prefix,
            const AtlasMapLabel  *labels)
{
  double unit = MIN (layout->width, layout->height), r = atlas_map_stop_radius (layout);

  g_string_append_printf (out, "  <g id=\"%sdistricts\" stroke=\"%s\" stroke-width=\"1\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n",
                          prefix, c->border);
  for (guint i = 0; i < scene->areas->len; i++)
    {
      const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, i);
      const char *cls = sa->status == ATLAS_AREA_VISITED ? "visited"
                        : sa->status == ATLAS_AREA_PLANNED ? "planned" : "not-visited";
      const char *fill = sa->status == ATLAS_AREA_VISITED ? c->visited
                         : sa->status == ATLAS_AREA_PLANNED ? "url(#planned-hatch)" : c->none;

      if (!atlas_map_layout_shows (layout, sa->area))
        continue;
      g_string_append_printf (out, "    <path id=\"%sags-%s\" class=\"%s\" fill=\"%s\" d=\"", prefix, sa->area->ags, cls, fill);
      append_area_path (out, layout, sa->area);
      g_string_append (out, "\"><title>");
      append_escaped (out, sa->area->name);
      if (*sa->dates)
        {
          g_string_append (out, ": ");
          append_escaped (out, sa->dates);
        }
      g_string_append (out, "</title></path>\n");
    }
  g_string_append (out, "  </g>\n");

  /* The inset's frame on the main map, under the route and the names. */
  if (layout->has_inset && !layout->is_inset)
    {
      AtlasMapBox frame;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *attributes = g_strdup_printf ("id=\"inset-frame\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"",
                                                     c->dim, format_number (buf, MAX (1.0, unit * 0.0015)));

      atlas_map_layout_frame (layout, &frame);
      append_rect (out, attributes, frame.x, frame.y, frame.width, frame.height);
    }

  g_string_append_printf (out, "  <g id=\"%sroute\" fill=\"none\" stroke=\"%s\" stroke-width=\"", prefix, c->route);
  append_number (out, atlas_map_route_width (unit));
  g_string_append (out, "\" stroke-linecap=\"round\">\n");
  for (guint i = 0; i < scene->stops->len; i++)
    {
      double x0, y0, x1, y1;

      if (!atlas_map_route_segment (scene, layout, i, &x0, &y0, &x1, &y1))
        continue;
      g_string_append (out, "    <line x1=\"");
      append_number (out, x0);
      g_string_append (out, "\" y1=\"");
      append_number (out, y0);
      g_string_append (out, "\" x2=\"");
      append_number (out, x1);
      g_string_append (out, "\" y2=\"");
      append_number (out, y1);
      g_string_append (out, "\"/>\n");
    }
  g_string_append (out, "  </g>\n");

  /* Names over the route, each a group of its halo (the same text stroked
   * in the background's colour; paint-order would do with one element, but
   * Illustrator and ImageMagick ignore it) and the text. */
  g_string_append_printf (out, "  <g id=\"%slabels\">\n", prefix);
  for (guint i = 0; i < scene->areas->len; i++)
    {
      const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, i);

      if (labels[i].text == NULL)
        continue;
      g_string_append_printf (out, "   <g id=\"%slabel-%s\">\n", prefix, sa->area->ags);
      /* The baseline a third of the size below the middle, as cairo's. */
      append_text (out, labels[i].at.x, labels[i].at.y + labels[i].size * 0.35, labels[i].size, c->bg, "middle",
                   "normal", labels[i].text, atlas_map_label_halo (unit));
      append_text (out, labels[i].at.x, labels[i].at.y + labels[i].size * 0.35, labels[i].size, c->text, "middle",
                   "normal", labels[i].text, 0);
      g_string_append (out, "   </g>\n");
    }
  g_string_append (out, "  </g>\n");

  g_string_append_printf (out, "  <g id=\"%sstops\">\n", prefix);
  for (guint i = 0; i < scene->stops->len; i++)
    {
      const AtlasSceneStop *s = &g_array_index (scene->stops, AtlasSceneStop, i);
      g_autofree char *number = g_strdup_printf ("%u", s->number);
      double cx, cy, size;

      if (!atlas_map_stop_drawn (scene, layout, i))
        continue;
      atlas_map_stop_position (scene, layout, i, &cx, &cy);
      g_string_append_printf (out, "   <g id=\"%sstop-%u\" class=\"%s\">\n    <circle cx=\"", prefix, s->number,
                              s->planned ? "planned" : "visited");
      append_number (out, cx);
      g_string_append (out, "\" cy=\"");
      append_number (out, cy);
      g_string_append (out, "\" r=\"");
      append_number (out, r);
      g_string_append_printf (out, "\" fill=\"%s\" stroke=\"%s\"/>\n", s->planned ? c->bg : c->stop, c->stop);
      if (s->uncertain)
        append_uncertain_ring (out, cx, cy, r, c->stop);
      size = atlas_map_stop_number_size (r, s->number);
      append_text (out, cx, cy + size * 0.4 / 1.1, size, s->planned ? c->stop : c->stop_text, "middle", "bold", number, 0);
      g_string_append (out, "   </g>\n");
    }
  /* The badges of the stops past an area's first few. */
  for (guint i = 0; i < scene->areas->len; i++)
    {
      const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, i);
      g_autofree char *attributes = NULL;
      AtlasMapBox b;
      char text[16], buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (atlas_map_stops_hidden (scene, layout, i) || !atlas_map_stop_badge (scene, layout, i, &b, text))
        continue;
      g_string_append_printf (out, "   <g id=\"%smore-%s\" class=\"more\">\n", prefix, sa->area->ags);
      attributes = g_strdup_printf ("rx=\"%s\" fill=\"%s\"", format_number (buf, r), c->stop);
      append_rect (out, attributes, b.x, b.y, b.width, b.height);
      append_text (out, b.x + b.width / 2, b.y + r * 1.35, r * 0.9, c->stop_text, "middle", "bold", text, 0);
      g_string_append (out, "   </g>\n");
    }
  g_string_append (out, "  </g>\n");
}

/* The inset's frame on the main map, and the inset, clipped to its box. */
static void
append_inset (GString              *out,
              const AtlasMapScene  *scene,
              const AtlasMapLayout *layout,
              const Colours        *c,
              const AtlasMapLabel  *labels)
{
  double unit = MIN (layout->width, layout->height), line = MAX (1.0, unit * 0.0015);
  double size = layout->label_size * 1.1, pad = size * 0.4;
  const AtlasMapBox *box = &layout->inset;
  g_autofree char *stroke = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  AtlasMapLayout inset;

  if (!atlas_map_layout_inset (layout, &inset))
    return;

  stroke = g_strdup_printf ("fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"", c->dim, format_number (buf, line));
  g_string_append (out, "  <clipPath id=\"inset-clip\">\n");
  append_rect (out, "", box->x, box->y, box->width, box->height);
  g_string_append (out, "  </clipPath>\n  <g id=\"inset\">\n");
  {
    g_autofree char *attributes = g_strdup_printf ("id=\"inset-background\" fill=\"%s\"", c->bg);

    append_rect (out, attributes, box->x, box->y, box->width, box->height);
  }
  g_string_append (out, "  <g clip-path=\"url(#inset-clip)\">\n");
  append_map (out, scene, &inset, c, "inset-", labels);
  g_string_append (out, "  </g>\n");
  {
    g_autofree char *attributes = g_strdup_printf ("id=\"inset-box\" %s", stroke);
    g_autofree char *patch = g_strdup_printf ("fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"", c->bg, c->dim,
                                              format_number (buf, line));

    append_rect (out, attributes, box->x, box->y, box->width, box->height);
    append_rect (out, patch, box->x, box->y, atlas_map_text_width (atlas_map_inset_caption (), size) + 2 * pad,
                 size + 2 * pad);
  }
  append_text (out, box->x + pad, box->y + pad + size * 0.8, size, c->text, "start", "bold",
               atlas_map_inset_caption (), 0);
  g_string_append (out, "  </g>\n");
}

/**
 * atlas_map_to_svg:
 *
 * Returns: (transfer full): the map as an SVG document
 */
char *
atlas_map_to_svg (const AtlasMapScene *scene,
                  double               width,
                  double               height)
{
  return atlas_map_to_svg_scaled (scene, width, height, width, height);
}

/**
 * atlas_map_to_svg_scaled:
 * @width: the canvas the map is laid out on (the viewBox)
 * @shown_width: the size the SVG asks to be shown at
 *
 * Like atlas_map_to_svg(), shown at another size.
 */
char *
atlas_map_to_svg_scaled (const AtlasMapScene *scene,
                         double               width,
                         double               height,
                         double               shown_width,
                         double               shown_height)
{
  const AtlasPalette *palette = atlas_map_palette (scene->dark);
  GString *out = g_string_new (NULL);
  g_autofree AtlasMapLabel *labels = NULL;
  g_autofree AtlasMapLabel *inset_labels = NULL;
  g_auto(GStrv) key = NULL;
  AtlasMapLayout layout, inset;
  double unit = MIN (width, height), r, margin = MAX (8.0, unit * 0.03);
  Colours c;

  colours_init (&c, palette);
  atlas_map_layout_compute (&layout, width, height);
  labels = atlas_map_place_labels (scene, &layout);
  if (atlas_map_layout_inset (&layout, &inset))
    inset_labels = atlas_map_place_labels (scene, &inset);
  key = atlas_map_key_fit (scene, &layout, labels, inset_labels);
  r = atlas_map_stop_radius (&layout);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
  append_number (out, shown_width);
  g_string_append (out, "\" height=\"");
  append_number (out, shown_height);
  g_string_append (out, "\" viewBox=\"0 0 ");
  append_number (out, width);
  g_string_append_c (out, ' ');
  append_number (out, height);
  g_string_append (out, "\" font-family=\"Cantarell, 'Noto Sans', 'DejaVu Sans', sans-serif\">\n  <title>");
  append_escaped (out, scene->title);
  g_string_append (out, "</title>\n  <desc>");
  append_escaped (out, atlas_map_attribution ());
  g_string_append (out, "</desc>\n");

  g_string_append_printf (out,
                          "  <defs>\n    <pattern id=\"planned-hatch\" width=\"8\" height=\"8\" "
                          "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\n"
                          "      <rect width=\"8\" height=\"8\" fill=\"%s\"/>\n"
                          "      <rect width=\"3\" height=\"8\" fill=\"%s\"/>\n    </pattern>\n  </defs>\n",
                          c.none, c.planned);
  g_string_append_printf (out, "  <rect id=\"background\" width=\"100%%\" height=\"100%%\" fill=\"%s\"/>\n", c.bg);

  append_map (out, scene, &layout, &c, "", labels);
  append_inset (out, scene, &layout, &c, inset_labels);

  /* Title and summary, made smaller where they would run past the edge
   * (by an estimate of their width: SVG has no measuring). */
  g_string_append (out, "  <g id=\"title\">\n");
  {
    g_autofree char *line = *scene->subtitle ? g_strdup_printf ("%s · %s", scene->subtitle, scene->summary)
                                             : g_strdup (scene->summary);
    double room = width - 2 * margin;

    append_text (out, margin, layout.title_y,
                 MIN (layout.title_size, layout.title_size * room / atlas_map_text_width (scene->title, layout.title_size)),
                 c.text, "start", "bold", scene->title, 0);
    append_text (out, margin, layout.subtitle_y,
                 MIN (layout.subtitle_size, layout.subtitle_size * room / atlas_map_text_width (line, layout.subtitle_size)),
                 c.dim, "start", "normal", line, 0);
  }
  g_string_append (out, "  </g>\n");

  g_string_append (out, "  <g id=\"legend\">\n");
  {
    double box = atlas_map_legend_box (&layout), font = layout.legend_font;
    AtlasLegendEntry entries[ATLAS_N_LEGEND_KINDS];
    AtlasLegendPlace places[ATLAS_N_LEGEND_KINDS];
    guint n_entries = atlas_map_scene_legend (scene, entries);
    double rows = atlas_map_legend_place (&layout, entries, n_entries, places);

    for (guint i = 0; i < n_entries; i++)
      {
        double x = places[i].x, y = places[i].y, symbol_w = places[i].symbol_width;

        g_string_append_printf (out, "    <g class=\"legend-%s\">\n", legend_class (entries[i].kind));
        switch (entries[i].kind)
          {
          case ATLAS_LEGEND_VISITED:
          case ATLAS_LEGEND_PLANNED:
          case ATLAS_LEGEND_NOT_VISITED:
            g_string_append (out, "     <rect x=\"");
            append_number (out, x);
            g_string_append (out, "\" y=\"");
            append_number (out, y);
            g_string_append (out, "\" width=\"");
            append_number (out, box);
            g_string_append (out, "\" height=\"");
            append_number (out, box);
            g_string_append_printf (out, "\" fill=\"%s\" stroke=\"%s\"/>\n",
                                    entries[i].kind == ATLAS_LEGEND_VISITED ? c.visited
                                    : entries[i].kind == ATLAS_LEGEND_PLANNED ? "url(#planned-hatch)" : c.none,
                                    c.border);
            break;
          case ATLAS_LEGEND_STOP:
          case ATLAS_LEGEND_STOP_UNCERTAIN:
            g_string_append (out, "     <circle cx=\"");
            append_number (out, x + symbol_w / 2);
            g_string_append (out, "\" cy=\"");
            append_number (out, y + box / 2);
            g_string_append (out, "\" r=\"");
            append_number (out, r);
            g_string_append_printf (out, "\" fill=\"%s\" stroke=\"%s\"/>\n", c.stop, c.stop);
            if (entries[i].kind == ATLAS_LEGEND_STOP_UNCERTAIN)
              append_uncertain_ring (out, x + symbol_w / 2, y + box / 2, r, c.stop);
            append_text (out, x + symbol_w / 2, y + box / 2 + r * 0.4, r * 1.1, c.stop_text, "middle", "bold", "1", 0);
            break;
          case ATLAS_LEGEND_STOP_BADGE:
            {
              g_autofree char *attributes = NULL;
              char buf[G_ASCII_DTOSTR_BUF_SIZE];

              /* As on the map (append_stops()). */
              attributes = g_strdup_printf ("rx=\"%s\" fill=\"%s\"", format_number (buf, r), c.stop);
              append_rect (out, attributes, x, y + box / 2 - r, symbol_w, 2 * r);
              append_text (out, x + symbol_w / 2, y + box / 2 - r + r * 1.35, r * 0.9, c.stop_text, "middle", "bold",
                           atlas_map_legend_badge_text (), 0);
            }
            break;
          case ATLAS_LEGEND_ROUTE:
            g_string_append (out, "     <line x1=\"");
            append_number (out, x);
            g_string_append (out, "\" y1=\"");
            append_number (out, y + box / 2);
            g_string_append (out, "\" x2=\"");
            append_number (out, x + symbol_w);
            g_string_append (out, "\" y2=\"");
            append_number (out, y + box / 2);
            g_string_append_printf (out, "\" stroke=\"%s\" stroke-linecap=\"round\" stroke-width=\"", c.route);
            append_number (out, atlas_map_route_width (unit));
            g_string_append (out, "\"/>\n");
            break;
          case ATLAS_N_LEGEND_KINDS:
          default:
            g_assert_not_reached ();
          }
        append_text (out, x + symbol_w + box * 0.4, y + box * 0.8, font, c.text, "start", "normal", entries[i].label, 0);
        g_string_append (out, "    </g>\n");
      }

    for (guint i = 0; key[i] != NULL; i++)
      append_text (out, layout.legend_x, layout.legend_y + rows + box * 0.6 + font * (i + 0.7), font * 0.8, c.dim,
                   "start", "normal", key[i], 0);
  }
  g_string_append (out, "  </g>\n");

  g_string_append (out, "  <g id=\"attribution\">\n");
  append_text (out, width - MAX (6.0, unit * 0.02), height - MAX (6.0, unit * 0.015), layout.legend_font * 0.75,
               c.dim, "end", "normal", atlas_map_attribution (), 0);
  g_string_append (out, "  </g>\n</svg>\n");

  colours_clear (&c);
  return g_string_free (out, FALSE);
}
