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
    "visited", "planned", "not-visited", "stop", "stop-day-unknown", "route",
  };

  return names[kind];
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
  const AtlasPalette *palette = atlas_map_palette (scene->dark);
  GString *out = g_string_new (NULL);
  AtlasMapLayout layout;
  double unit = MIN (width, height), r;
  g_autofree char *bg = hex (&palette->background);
  g_autofree char *text = hex (&palette->text);
  g_autofree char *dim = hex (&palette->dim_text);
  g_autofree char *visited = hex (&palette->visited);
  g_autofree char *planned = hex (&palette->planned);
  g_autofree char *none = hex (&palette->not_visited);
  g_autofree char *border = hex (&palette->border);
  g_autofree char *route = hex (&palette->route);
  g_autofree char *stop = hex (&palette->stop);
  g_autofree char *stop_text = hex (&palette->stop_text);
  g_autofree AtlasPoint *places = NULL;

  atlas_map_layout_compute (&layout, width, height);
  r = atlas_map_stop_radius (&layout);
  places = atlas_map_place_labels (scene, &layout);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
  append_number (out, width);
  g_string_append (out, "\" height=\"");
  append_number (out, height);
  g_string_append (out, "\" viewBox=\"0 0 ");
  append_number (out, width);
  g_string_append_c (out, ' ');
  append_number (out, height);
  g_string_append (out, "\" font-family=\"Cantarell, sans-serif\">\n  <title>");
  append_escaped (out, scene->title);
  g_string_append (out, "</title>\n  <desc>");
  append_escaped (out, atlas_map_attribution ());
  g_string_append (out, "</desc>\n");

  g_string_append_printf (out,
                          "  <defs>\n    <pattern id=\"planned-hatch\" width=\"8\" height=\"8\" "
                          "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\n"
                          "      <rect width=\"8\" height=\"8\" fill=\"%s\"/>\n"
                          "      <rect width=\"3\" height=\"8\" fill=\"%s\"/>\n    </pattern>\n  </defs>\n",
                          none, planned);
  g_string_append_printf (out, "  <rect id=\"background\" width=\"100%%\" height=\"100%%\" fill=\"%s\"/>\n", bg);

  g_string_append_printf (out, "  <g id=\"districts\" stroke=\"%s\" stroke-width=\"1\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n", border);
  for (guint i = 0; i < scene->areas->len; i++)
    {
      const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, i);
      const char *cls = sa->status == ATLAS_AREA_VISITED ? "visited"
                        : sa->status == ATLAS_AREA_PLANNED ? "planned" : "not-visited";
      const char *fill = sa->status == ATLAS_AREA_VISITED ? visited
                         : sa->status == ATLAS_AREA_PLANNED ? "url(#planned-hatch)" : none;

      g_string_append_printf (out, "    <path id=\"ags-%s\" class=\"%s\" fill=\"%s\" d=\"", sa->area->ags, cls, fill);
      append_area_path (out, &layout, sa->area);
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

  g_string_append_printf (out, "  <g id=\"route\" fill=\"none\" stroke=\"%s\" stroke-width=\"", route);
  append_number (out, atlas_map_route_width (unit));
  g_string_append (out, "\" stroke-linecap=\"round\">\n");
  for (guint i = 0; i < scene->stops->len; i++)
    {
      double x0, y0, x1, y1;

      if (!atlas_map_route_segment (scene, &layout, i, &x0, &y0, &x1, &y1))
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
  g_string_append (out, "  <g id=\"labels\">\n");
  for (guint i = 0; i < scene->areas->len; i++)
    {
      const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, i);
      double size = atlas_map_label_size (sa, unit);

      g_string_append_printf (out, "   <g id=\"label-%s\">\n", sa->area->ags);
      /* The baseline a third of the size below the middle, as cairo's. */
      append_text (out, places[i].x, places[i].y + size * 0.35, size, bg, "middle", "normal", sa->label,
                   atlas_map_label_halo (unit));
      append_text (out, places[i].x, places[i].y + size * 0.35, size, text, "middle", "normal", sa->label, 0);
      g_string_append (out, "   </g>\n");
    }
  g_string_append (out, "  </g>\n");

  g_string_append (out, "  <g id=\"stops\">\n");
  for (guint i = 0; i < scene->stops->len; i++)
    {
      const AtlasSceneStop *s = &g_array_index (scene->stops, AtlasSceneStop, i);
      g_autofree char *number = g_strdup_printf ("%u", s->number);
      double cx, cy;

      atlas_map_stop_position (scene, &layout, i, &cx, &cy);
      g_string_append_printf (out, "   <g id=\"stop-%u\" class=\"%s\">\n    <circle cx=\"", s->number,
                              s->planned ? "planned" : "visited");
      append_number (out, cx);
      g_string_append (out, "\" cy=\"");
      append_number (out, cy);
      g_string_append (out, "\" r=\"");
      append_number (out, r);
      g_string_append_printf (out, "\" fill=\"%s\" stroke=\"%s\"/>\n", s->planned ? bg : stop, stop);
      if (s->uncertain)
        append_uncertain_ring (out, cx, cy, r, stop);
      append_text (out, cx, cy + r * 0.4, r * 1.1, s->planned ? stop : stop_text, "middle", "bold", number, 0);
      g_string_append (out, "   </g>\n");
    }
  g_string_append (out, "  </g>\n");

  g_string_append (out, "  <g id=\"title\">\n");
  append_text (out, unit * 0.03, unit * 0.05, unit * 0.034, text, "start", "bold", scene->title, 0);
  {
    g_autofree char *line = *scene->subtitle ? g_strdup_printf ("%s · %s", scene->subtitle, scene->summary)
                                             : g_strdup (scene->summary);

    append_text (out, unit * 0.03, unit * 0.085, unit * 0.02, dim, "start", "normal", line, 0);
  }
  g_string_append (out, "  </g>\n");

  g_string_append (out, "  <g id=\"legend\">\n");
  {
    double x = unit * 0.03, y = layout.legend_y + unit * 0.01, box = unit * 0.022, font = unit * 0.018;
    AtlasLegendEntry entries[ATLAS_N_LEGEND_KINDS];
    guint n_entries = atlas_map_scene_legend (scene, entries);
    g_autoptr(GString) key = g_string_new (NULL);

    /* As the cairo legend, with widths estimated: SVG has no measuring. */
    for (guint i = 0; i < n_entries; i++)
      {
        double label_w = font * 0.55 * g_utf8_strlen (entries[i].label, -1);
        double symbol_w = entries[i].kind == ATLAS_LEGEND_ROUTE ? box * 2
                          : entries[i].kind >= ATLAS_LEGEND_STOP ? 2 * r * 1.45 : box;

        if (x > unit * 0.03 && x + symbol_w + box * 0.4 + label_w > width - unit * 0.03)
          {
            x = unit * 0.03;
            y += box * 1.6;
          }
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
                                    entries[i].kind == ATLAS_LEGEND_VISITED ? visited
                                    : entries[i].kind == ATLAS_LEGEND_PLANNED ? "url(#planned-hatch)" : none,
                                    border);
            break;
          case ATLAS_LEGEND_STOP:
          case ATLAS_LEGEND_STOP_UNCERTAIN:
            g_string_append (out, "     <circle cx=\"");
            append_number (out, x + symbol_w / 2);
            g_string_append (out, "\" cy=\"");
            append_number (out, y + box / 2);
            g_string_append (out, "\" r=\"");
            append_number (out, r);
            g_string_append_printf (out, "\" fill=\"%s\" stroke=\"%s\"/>\n", stop, stop);
            if (entries[i].kind == ATLAS_LEGEND_STOP_UNCERTAIN)
              append_uncertain_ring (out, x + symbol_w / 2, y + box / 2, r, stop);
            append_text (out, x + symbol_w / 2, y + box / 2 + r * 0.4, r * 1.1, stop_text, "middle", "bold", "1", 0);
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
            g_string_append_printf (out, "\" stroke=\"%s\" stroke-linecap=\"round\" stroke-width=\"", route);
            append_number (out, atlas_map_route_width (unit));
            g_string_append (out, "\"/>\n");
            break;
          case ATLAS_N_LEGEND_KINDS:
          default:
            g_assert_not_reached ();
          }
        append_text (out, x + symbol_w + box * 0.4, y + box * 0.8, font, text, "start", "normal", entries[i].label, 0);
        g_string_append (out, "    </g>\n");
        x += symbol_w + box * 0.4 + label_w + box * 1.5;
      }

    for (guint i = 0; i < scene->areas->len; i++)
      {
        const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, i);

        if (sa->short_label)
          g_string_append_printf (key, "%s%s %s", key->len ? " · " : "", sa->label, sa->area->name);
      }
    /* Wrapped by an estimate of the text's width: SVG has no measuring. */
    {
      g_auto(GStrv) entries_key = g_strsplit (key->str, " · ", -1);
      g_autoptr(GString) line = g_string_new (NULL);
      double line_y = y + box * 2.4;
      double max_chars = (width - unit * 0.06) / (font * 0.8 * 0.5);

      for (guint i = 0; ; i++)
        {
          if (entries_key[i] == NULL ||
              (line->len > 0 && g_utf8_strlen (line->str, -1) + 3 + g_utf8_strlen (entries_key[i], -1) > max_chars))
            {
              append_text (out, unit * 0.03, line_y, font * 0.8, dim, "start", "normal", line->str, 0);
              line_y += font;
              g_string_truncate (line, 0);
              if (entries_key[i] == NULL)
                break;
            }
          g_string_append_printf (line, "%s%s", line->len ? " · " : "", entries_key[i]);
        }
    }
  }
  g_string_append (out, "  </g>\n");

  g_string_append (out, "  <g id=\"attribution\">\n");
  append_text (out, width - unit * 0.02, height - unit * 0.015, unit * 0.0135, dim, "end", "normal",
               atlas_map_attribution (), 0);
  g_string_append (out, "  </g>\n</svg>\n");

  return g_string_free (out, FALSE);
}
