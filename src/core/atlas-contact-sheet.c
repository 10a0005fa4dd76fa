/* atlas-contact-sheet.c: contacts as a printed distribution list
 *
 * The contacts a list shows, grouped by their centre (those of no centre
 * last), one row each: name, role, organisation, phone, e-mail. Laid out
 * with Pango on any cairo surface: the PDF export and the print dialog
 * both paginate for their page and draw the same pages. A group that
 * runs onto a new page repeats its heading and the column titles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "atlas-contact-sheet.h"
#include "atlas-text.h"
#include "atlas-validate.h"

#define FONT "Cantarell"
#define MARGIN 42.0          /* points: 15 mm */
#define FOOTER 18.0
#define ROW_PAD 3.0
#define A4_WIDTH 595.276     /* 210 mm in points */
#define A4_HEIGHT 841.89     /* 297 mm */

/* Name, role, organisation, phone, e-mail: parts of the width. */
static const double column_share[] = { 0.18, 0.17, 0.21, 0.18, 0.26 };

typedef struct {
  char *heading;
  char *details;        /* the centre's address and phone, or "" */
  GPtrArray *contacts;  /* AtlasContact */
} Group;

typedef enum {
  ITEM_TITLE,
  ITEM_GROUP,
  ITEM_GROUP_CONTINUED,
  ITEM_COLUMNS,
  ITEM_ROW,
  ITEM_EMPTY,
} ItemKind;

typedef struct {
  ItemKind kind;
  guint page;
  double y;
  const Group *group;
  AtlasContact *contact;
} Item;

struct _AtlasContactSheet
{
  GPtrArray *groups;    /* Group */
  char *subtitle;
  char *date;
  guint n_contacts;
  GArray *items;        /* Item, after pagination */
  guint n_pages;
  double width, height;
};

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->heading);
  g_free (group->details);
  g_ptr_array_unref (group->contacts);
  g_free (group);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = *(const Group * const *) a;
  const Group *gb = *(const Group * const *) b;

  /* The group of no centre (heading NULL until named) goes last. */
  if (ga->heading == NULL || gb->heading == NULL)
    return (ga->heading == NULL) - (gb->heading == NULL);
  return atlas_text_collate (ga->heading, gb->heading);
}

static char *
centre_details (AtlasCentre *centre)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *street = atlas_centre_get_field (centre, ATLAS_CENTRE_STREET);
  const char *postal_code = atlas_centre_get_field (centre, ATLAS_CENTRE_POSTAL_CODE);
  const char *city = atlas_centre_get_field (centre, ATLAS_CENTRE_CITY);
  const char *phone = atlas_centre_get_field (centre, ATLAS_CENTRE_PHONE);
  const char *email = atlas_centre_get_field (centre, ATLAS_CENTRE_EMAIL);

  if (*street)
    g_ptr_array_add (parts, g_strdup (street));
  if (*postal_code || *city)
    g_ptr_array_add (parts, g_strstrip (g_strconcat (postal_code, " ", city, NULL)));
  if (*phone)
    g_ptr_array_add (parts, g_strdup (phone));
  if (*email)
    g_ptr_array_add (parts, g_strdup (email));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/**
 * atlas_contact_sheet_new:
 * @contacts: (element-type AtlasContact): the contacts, in the list's order
 * @subtitle: (nullable): what the list is: a search, a centre's contacts
 *
 * Returns: (transfer full) (nullable): the sheet, to paginate and draw
 */
AtlasContactSheet *
atlas_contact_sheet_new (AtlasStore  *store,
                         GPtrArray   *contacts,
                         const char  *subtitle,
                         GError     **error)
{
  g_autoptr(AtlasContactSheet) sheet = g_new0 (AtlasContactSheet, 1);
  g_autoptr(GHashTable) by_centre = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  sheet->groups = g_ptr_array_new_with_free_func (group_free);
  sheet->subtitle = g_strdup (subtitle && *subtitle ? subtitle : _("All contacts"));
  sheet->date = g_date_time_format (now, "%d.%m.%Y");
  sheet->n_contacts = contacts->len;

  for (guint i = 0; i < contacts->len; i++)
    {
      AtlasContact *contact = g_ptr_array_index (contacts, i);
      gint64 centre_id = atlas_contact_get_centre_id (contact);
      Group *group = g_hash_table_lookup (by_centre, &centre_id);

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->contacts = g_ptr_array_new_with_free_func (g_object_unref);
          if (centre_id > 0)
            {
              g_autoptr(GObject) centre = atlas_store_load (store, ATLAS_RECORD_CENTRE, centre_id, error);

              if (centre == NULL)
                {
                  group_free (group);
                  return NULL;
                }
              group->heading = g_strdup (atlas_centre_get_field (ATLAS_CENTRE (centre), ATLAS_CENTRE_NAME));
              group->details = centre_details (ATLAS_CENTRE (centre));
            }
          g_ptr_array_add (sheet->groups, group);
          g_hash_table_insert (by_centre, g_memdup2 (&centre_id, sizeof centre_id), group);
        }
      g_ptr_array_add (group->contacts, g_object_ref (contact));
    }

  g_ptr_array_sort (sheet->groups, compare_groups);
  for (guint i = 0; i < sheet->groups->len; i++)
    {
      Group *group = g_ptr_array_index (sheet->groups, i);

      if (group->heading == NULL)
        {
          group->heading = g_strdup (_("No integration centre"));
          group->details = g_strdup ("");
        }
    }

  return g_steal_pointer (&sheet);
}

void
atlas_contact_sheet_free (AtlasContactSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_clear_pointer (&sheet->groups, g_ptr_array_unref);
  g_clear_pointer (&sheet->items, g_array_unref);
  g_free (sheet->subtitle);
  g_free (sheet->date);
  g_free (sheet);
}

/* Text ------------------------------------------------------------------------ */

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* Draws (when @draw) or only measures a block of text at @y; returns
 * its height. */
static double
text_block (cairo_t    *cr,
            gboolean    draw,
            double      x,
            double      y,
            double      width,
            const char *text,
            double      size,
            gboolean    bold,
            double      grey)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold, width);

  if (draw)
    {
      cairo_set_source_rgb (cr, grey, grey, grey);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return layout_height (layout);
}

/* Several phones or addresses: each on a line of its own. */
static char *
one_per_line (const char *list)
{
  g_auto(GStrv) items = atlas_list_split (list);

  return g_strjoinv ("\n", items);
}

/* The five cells of a contact, or the column titles. */
static void
row_cells (AtlasContact *contact,
           char         *cells[5])
{
  if (contact == NULL)
    {
      cells[0] = g_strdup (_("Name"));
      cells[1] = g_strdup (_("Role"));
      cells[2] = g_strdup (_("Organisation"));
      cells[3] = g_strdup (_("Phone"));
      cells[4] = g_strdup (_("E-mail"));
      return;
    }
  cells[0] = atlas_contact_dup_display_name (contact);
  cells[1] = g_strdup (atlas_contact_get_field (contact, ATLAS_CONTACT_ROLE));
  cells[2] = g_strdup (atlas_contact_get_field (contact, ATLAS_CONTACT_ORGANISATION));
  cells[3] = one_per_line (atlas_contact_get_field (contact, ATLAS_CONTACT_PHONES));
  cells[4] = one_per_line (atlas_contact_get_field (contact, ATLAS_CONTACT_EMAILS));
}

/* Draws or measures one item at @y; returns its height. */
static double
item_block (AtlasContactSheet *sheet,
            cairo_t           *cr,
            gboolean           draw,
            const Item        *item,
            double             y)
{
  double width = sheet->width - 2 * MARGIN;
  double h = 0;

  switch (item->kind)
    {
    case ITEM_TITLE:
      {
        g_autofree char *line = NULL;

        h += text_block (cr, draw, MARGIN, y, width, _("Distribution List"), 16, TRUE, 0);
        line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u contact · as of %s",
                                             "%s · %u contacts · as of %s", sheet->n_contacts),
                                sheet->subtitle, sheet->n_contacts, sheet->date);
        h += 2 + text_block (cr, draw, MARGIN, y + h + 2, width, line, 9, FALSE, 0.3);
        return h + 10;
      }

    case ITEM_GROUP:
    case ITEM_GROUP_CONTINUED:
      {
        g_autofree char *heading = item->kind == ITEM_GROUP_CONTINUED
                                   ? g_strdup_printf (_("%s (continued)"), item->group->heading)
                                   : g_strdup (item->group->heading);

        h += 8;
        h += text_block (cr, draw, MARGIN, y + h, width, heading, 11, TRUE, 0);
        if (*item->group->details && item->kind == ITEM_GROUP)
          h += 1 + text_block (cr, draw, MARGIN, y + h + 1, width, item->group->details, 8, FALSE, 0.35);
        return h + 4;
      }

    case ITEM_COLUMNS:
    case ITEM_ROW:
      {
        char *cells[5];
        double x = MARGIN;
        gboolean header = item->kind == ITEM_COLUMNS;

        row_cells (item->contact, cells);
        for (guint c = 0; c < G_N_ELEMENTS (column_share); c++)
          {
            double w = width * column_share[c];
            double cell = text_block (cr, draw, x, y + ROW_PAD, w - 6, cells[c], header ? 7.5 : 8,
                                      header, header ? 0.35 : 0);

            h = MAX (h, cell);
            x += w;
            g_free (cells[c]);
          }
        h += 2 * ROW_PAD;
        if (draw)
          {
            cairo_set_source_rgb (cr, header ? 0.4 : 0.8, header ? 0.4 : 0.8, header ? 0.4 : 0.8);
            cairo_set_line_width (cr, header ? 0.8 : 0.4);
            cairo_move_to (cr, MARGIN, y + h);
            cairo_line_to (cr, MARGIN + width, y + h);
            cairo_stroke (cr);
          }
        return h;
      }

    case ITEM_EMPTY:
      return 8 + text_block (cr, draw, MARGIN, y + 8, width, _("No contacts to list."), 10, FALSE, 0.3);

    default:
      g_assert_not_reached ();
    }
}

/* Pages ----------------------------------------------------------------------- */

typedef struct {
  AtlasContactSheet *sheet;
  cairo_t *cr;
  double top, bottom, y;
  guint page;
} Flow;

static double
flow_measure (Flow     *flow,
              ItemKind  kind,
              const Group *group,
              AtlasContact *contact)
{
  Item item = { kind, 0, 0, group, contact };

  return item_block (flow->sheet, flow->cr, FALSE, &item, 0);
}

static void
flow_add (Flow         *flow,
          ItemKind      kind,
          const Group  *group,
          AtlasContact *contact)
{
  Item item = { kind, flow->page, flow->y, group, contact };

  flow->y += item_block (flow->sheet, flow->cr, FALSE, &item, flow->y);
  g_array_append_val (flow->sheet->items, item);
}

static void
flow_new_page (Flow *flow)
{
  flow->page++;
  flow->y = flow->top;
}

/**
 * atlas_contact_sheet_paginate:
 * @cr: a context of the surface to draw on, for the fonts' measures
 * @width: the page's printable width in points
 * @height: its height
 *
 * Returns: how many pages the list takes
 */
guint
atlas_contact_sheet_paginate (AtlasContactSheet *sheet,
                              cairo_t           *cr,
                              double             width,
                              double             height)
{
  Flow flow = { sheet, cr, MARGIN, height - MARGIN - FOOTER, MARGIN, 0 };

  sheet->width = width;
  sheet->height = height;
  g_clear_pointer (&sheet->items, g_array_unref);
  sheet->items = g_array_new (FALSE, TRUE, sizeof (Item));

  flow_add (&flow, ITEM_TITLE, NULL, NULL);
  if (sheet->groups->len == 0)
    flow_add (&flow, ITEM_EMPTY, NULL, NULL);

  for (guint g = 0; g < sheet->groups->len; g++)
    {
      const Group *group = g_ptr_array_index (sheet->groups, g);
      AtlasContact *first = g_ptr_array_index (group->contacts, 0);
      double head = flow_measure (&flow, ITEM_GROUP, group, NULL) +
                    flow_measure (&flow, ITEM_COLUMNS, group, NULL) +
                    flow_measure (&flow, ITEM_ROW, group, first);

      /* A heading never stays alone at the foot of a page. */
      if (flow.y + head > flow.bottom && flow.y > flow.top)
        flow_new_page (&flow);
      flow_add (&flow, ITEM_GROUP, group, NULL);
      flow_add (&flow, ITEM_COLUMNS, group, NULL);

      for (guint i = 0; i < group->contacts->len; i++)
        {
          AtlasContact *contact = g_ptr_array_index (group->contacts, i);

          if (flow.y + flow_measure (&flow, ITEM_ROW, group, contact) > flow.bottom && i > 0)
            {
              flow_new_page (&flow);
              flow_add (&flow, ITEM_GROUP_CONTINUED, group, NULL);
              flow_add (&flow, ITEM_COLUMNS, group, NULL);
            }
          flow_add (&flow, ITEM_ROW, group, contact);
        }
    }

  sheet->n_pages = flow.page + 1;
  return sheet->n_pages;
}

/**
 * atlas_contact_sheet_draw_page:
 * @page: 0 … n - 1, after atlas_contact_sheet_paginate()
 */
void
atlas_contact_sheet_draw_page (AtlasContactSheet *sheet,
                               cairo_t           *cr,
                               guint              page)
{
  g_autofree char *footer = NULL;

  g_return_if_fail (sheet->items != NULL);

  cairo_save (cr);
  for (guint i = 0; i < sheet->items->len; i++)
    {
      const Item *item = &g_array_index (sheet->items, Item, i);

      if (item->page == page)
        item_block (sheet, cr, TRUE, item, item->y);
    }

  /* Translators: the foot of a printed page: page number, pages */
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, sheet->n_pages);
  text_block (cr, TRUE, MARGIN, sheet->height - MARGIN - FOOTER + 6, sheet->width - 2 * MARGIN,
              footer, 7.5, FALSE, 0.4);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * atlas_contact_sheet_write_pdf:
 *
 * Writes the list as an A4 PDF, replacing @file whole or not at all.
 */
gboolean
atlas_contact_sheet_write_pdf (AtlasContactSheet  *sheet,
                               GFile              *file,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  guint n_pages;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Distribution List"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Integrationsatlas " PACKAGE_VERSION);

  n_pages = atlas_contact_sheet_paginate (sheet, cr, A4_WIDTH, A4_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      atlas_contact_sheet_draw_page (sheet, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the contact list: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}
