/* test-contact-io.c: contacts exchanged as vCard and CSV (atlas-contact-io.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "atlas-contact-io.h"
#include "atlas-i18n.h"
#include "atlas-list-model.h"
#include "atlas-record.h"
#include "atlas-store.h"
#include "atlas-test-util.h"

static AtlasContact *
full_contact (guint i)
{
  AtlasContact *c = atlas_contact_new ();
  g_autofree char *family = g_strdup_printf ("Müller-Lüdenscheidt %u", i);
  g_autofree char *emails = g_strdup_printf ("j.mueller%u@stadt-koeln.de, presse%u@stadt-koeln.de", i, i);

  atlas_contact_set_field (c, ATLAS_CONTACT_HONORIFIC, "Prof. Dr.");
  atlas_contact_set_field (c, ATLAS_CONTACT_GIVEN_NAME, "Jürgen; „Jo“");
  atlas_contact_set_field (c, ATLAS_CONTACT_FAMILY_NAME, family);
  atlas_contact_set_field (c, ATLAS_CONTACT_ROLE, "Leitung, Presse \\ Öffentlichkeitsarbeit");
  atlas_contact_set_field (c, ATLAS_CONTACT_ORGANISATION, "Kommunales Integrationszentrum Städteregion Aachen – Büro für Chancengleichheit und Vielfalt");
  atlas_contact_set_field (c, ATLAS_CONTACT_CENTRE_AGS, i % 2 ? "05315" : "");
  atlas_contact_set_field (c, ATLAS_CONTACT_PHONES, "0221 221-29292, +49 171 1234567");
  atlas_contact_set_field (c, ATLAS_CONTACT_EMAILS, emails);
  atlas_contact_set_field (c, ATLAS_CONTACT_NOTES, "Erste Zeile, mit \"Anführung\";\nzweite Zeile\n\nDritte: 100 % ß");
  atlas_contact_set_field (c, ATLAS_CONTACT_TAGS, "Presse, KI, Sommertour 2017");
  return c;
}

static void
assert_same_contacts (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    for (AtlasContactField f = 1; f < ATLAS_CONTACT_N_FIELDS; f++)
      g_assert_cmpstr (atlas_contact_get_field (g_ptr_array_index (a, i), f), ==,
                       atlas_contact_get_field (g_ptr_array_index (b, i), f));
}

static GPtrArray *
parse_text (const char          *text,
            gsize                len,
            AtlasContactFormat  *format,
            GError             **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len == 0 ? strlen (text) : len);

  return atlas_contacts_parse (bytes, format, NULL, error);
}

static void
test_exchange_round_trip (void)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *vcard = NULL;
  g_autofree char *csv = NULL;
  AtlasContactFormat format;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (contacts, full_contact (i));
  /* Only an organisation. */
  {
    AtlasContact *office = atlas_contact_new ();

    atlas_contact_set_field (office, ATLAS_CONTACT_ORGANISATION, "Pressestelle der Stadt Bonn");
    g_ptr_array_add (contacts, office);
  }

  vcard = atlas_contacts_to_vcard (contacts);
  /* RFC 6350: CRLF, no line longer than 75 octets, 4.0, FN present. */
  lines = g_strsplit (vcard, "\r\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
    }
  g_assert_nonnull (strstr (vcard, "VERSION:4.0\r\n"));
  g_assert_nonnull (strstr (vcard, "FN:Pressestelle der Stadt Bonn\r\n"));
  g_assert_nonnull (strstr (vcard, "N:Müller-Lüdenscheidt 0;Jürgen\\; „Jo“;;Prof. Dr.;\r\n"));
  back = parse_text (vcard, 0, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, ATLAS_CONTACT_FORMAT_VCARD);
  assert_same_contacts (contacts, back);
  g_clear_pointer (&back, g_ptr_array_unref);

  csv = atlas_contacts_to_csv (contacts);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFhonorific,given-name,family-name,"));
  back = parse_text (csv, 0, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, ATLAS_CONTACT_FORMAT_CSV);
  assert_same_contacts (contacts, back);
}

static void
test_exchange_odd_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) got = NULL;
  AtlasContactFormat format;
  AtlasContact *c;
  /* Outlook, German, Windows-1252, semicolons, categories with ; inside. */
  const char cp1252[] =
    "Anrede;Vorname;Weitere Vornamen;Nachname;Firma;Position;Telefon gesch\xe4" "ftlich;"
    "Mobiltelefon;E-Mail-Adresse;E-Mail 2: Adresse;Notizen;Kategorien\r\n"
    "Frau;Ay\xfe" "e;;Stra\xdf" "er;Stadt D\xfcsseldorf;B\xfcroleitung;0211 89-93456;;"
    "a.strasser@duesseldorf.de;presse@duesseldorf.de;\"Mag \"\"Kaffee\"\";\r\nzweite Zeile\";\"Presse;KI\"\r\n";
  /* Outlook «Unicode text»: UTF-16LE with BOM, tabs. */
  const char *utf16_source = "First Name\tLast Name\tCompany\tE-mail Address\r\nZoë\tÇelik\tKreis Kleve\tz.celik@kreis-kleve.de\r\n";
  /* vCard 2.1 as Outlook writes it: quoted-printable, Latin-1, soft breaks. */
  const char vcard21[] =
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen;;Dr.\r\n"
    "FN:Dr. J\xfcrgen M\xfcller\r\nORG;CHARSET=ISO-8859-1:Stadt K\xf6ln\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE:Erste Zeile=0D=0Azweite =\r\nZeile\r\n"
    "TEL;WORK;VOICE:0221 221-0\r\nEMAIL;PREF;INTERNET:jm@stadt-koeln.de\r\n"
    "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r\n AAAQABAAD\r\n\r\nEND:VCARD\r\n";
  /* vCard 3.0 from a phone: LF only, folded, grouped properties, URIs. */
  const char *vcard30 =
    "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Schmidt\nN:Schmidt;Anna;;;\nitem1.EMAIL;type=INTERNET;ty\n pe=pref:anna@exam\n ple.de\n"
    "TEL;TYPE=CELL:tel:+49-171-1234567\nCATEGORIES:Presse,Ministerium\nEND:VCARD\n";

  got = parse_text (cp1252, sizeof cp1252 - 1, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, ==, 1);
  c = g_ptr_array_index (got, 0);
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_GIVEN_NAME), ==, "Ayþe");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_FAMILY_NAME), ==, "Straßer");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_ROLE), ==, "Büroleitung");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_EMAILS), ==, "a.strasser@duesseldorf.de, presse@duesseldorf.de");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_NOTES), ==, "Mag \"Kaffee\";\nzweite Zeile");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_TAGS), ==, "Presse, KI");
  g_clear_pointer (&got, g_ptr_array_unref);

  {
    gsize len = 0;
    g_autofree char *utf16 = g_convert (utf16_source, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
    g_autofree char *with_bom = g_malloc (len + 2);

    memcpy (with_bom, "\xFF\xFE", 2);
    memcpy (with_bom + 2, utf16, len);
    got = parse_text (with_bom, len + 2, &format, &error);
    g_assert_no_error (error);
    c = g_ptr_array_index (got, 0);
    g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_GIVEN_NAME), ==, "Zoë");
    g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_FAMILY_NAME), ==, "Çelik");
    g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_ORGANISATION), ==, "Kreis Kleve");
    g_clear_pointer (&got, g_ptr_array_unref);
  }

  got = parse_text (vcard21, sizeof vcard21 - 1, &format, &error);
  g_assert_no_error (error);
  c = g_ptr_array_index (got, 0);
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_FAMILY_NAME), ==, "Müller");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_GIVEN_NAME), ==, "Jürgen");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_HONORIFIC), ==, "Dr.");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_ORGANISATION), ==, "Stadt Köln");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_NOTES), ==, "Erste Zeile\r\nzweite Zeile");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_PHONES), ==, "0221 221-0");
  g_clear_pointer (&got, g_ptr_array_unref);

  got = parse_text (vcard30, 0, &format, &error);
  g_assert_no_error (error);
  c = g_ptr_array_index (got, 0);
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_EMAILS), ==, "anna@example.de");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_PHONES), ==, "+49-171-1234567");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_TAGS), ==, "Presse, Ministerium");
  g_clear_pointer (&got, g_ptr_array_unref);

  /* Clear refusals. */
  got = parse_text ("  \r\n", 0, &format, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  got = parse_text ("PK\x03\x04\0\0binary", 12, &format, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  got = parse_text ("Spalte A;Spalte B\r\n1;2\r\n", 0, &format, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Vorname"));
  g_clear_error (&error);
  got = parse_text ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ohne Ende\r\n", 0, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, ==, 1);
}

static void
test_exchange_import (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path_b = g_build_filename (fixture->dir, "b.sqlite", NULL);
  g_autoptr(AtlasStore) a = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasStore) b = atlas_store_new (path_b, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) from_a = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) from_b = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *vcf = g_build_filename (fixture->dir, "contacts.vcf", NULL);
  AtlasContactReport report = { 0 };
  AtlasContactFormat format;

  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(AtlasContact) c = full_contact (i);
      g_autoptr(AtlasCentre) koeln = atlas_store_get_centre_by_ags (a, "05315", NULL);

      if (*atlas_contact_get_field (c, ATLAS_CONTACT_CENTRE_AGS) != '\0')
        atlas_contact_set_centre_id (c, atlas_centre_get_id (koeln));
      g_assert_cmpint (atlas_store_save_contact (a, c, &error), >, 0);
    }

  /* Store → vCard file → other store: the same contacts. */
  from_a = atlas_contacts_collect (a, NULL, &error);
  file = g_file_new_for_path (vcf);
  g_assert_true (atlas_contacts_write (from_a, ATLAS_CONTACT_FORMAT_VCARD, file, NULL, &error));
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  parsed = atlas_contacts_parse (bytes, &format, NULL, &error);
  g_assert_no_error (error);

  /* A preview changes nothing. */
  g_assert_true (atlas_contacts_import (b, parsed, TRUE, &report, &error));
  g_assert_cmpuint (report.added, ==, 5);
  g_assert_cmpint (atlas_store_count (b, ATLAS_RECORD_CONTACT, NULL), ==, 0);

  g_assert_true (atlas_contacts_import (b, parsed, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 5);
  from_b = atlas_contacts_collect (b, NULL, &error);
  assert_same_contacts (from_a, from_b);

  /* The same file again: nothing new. */
  g_assert_true (atlas_contacts_import (b, parsed, FALSE, &report, &error));
  g_assert_cmpuint (report.added, ==, 0);
  g_assert_cmpuint (report.skipped, ==, 5);

  /* A known person with a new address is merged; no name is skipped; an
   * unknown centre is reported and dropped. */
  {
    g_autoptr(GPtrArray) more = parse_text ("Vorname,Nachname,E-Mail-Adresse,centre-ags\r\n"
                                            "Jürgen; „Jo“,Müller-Lüdenscheidt 1,neu@example.de,\r\n"
                                            ",,niemand@example.de,\r\n"
                                            "Eva,Neu,,99999\r\n", 0, &format, &error);

    g_assert_no_error (error);
    g_assert_true (atlas_contacts_import (b, more, FALSE, &report, &error));
    g_assert_cmpuint (report.added, ==, 1);
    g_assert_cmpuint (report.merged, ==, 1);
    g_assert_cmpuint (report.skipped, ==, 1);
    g_assert_cmpuint (report.messages->len, ==, 2);
    g_assert_nonnull (strstr (g_ptr_array_index (report.messages, 0), "3"));
  }
  atlas_contact_report_clear (&report);
}

/* A vCard from another program names its centre by its address or its
 * organisation, as releases and calendar events do: linked like them (a
 * walk found such contacts imported without a centre). */
static void
test_exchange_import_links_centre (AtlasTestDir  *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasCentre) bielefeld = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  AtlasContactReport report = { 0 };
  AtlasContactFormat format;
  static const struct {
    const char *family;
    const char *ags;
  } expected[] = {
    { "Adresse", "05711" },
    { "Organisation", "05334002" },
    { "Einheit", "05154" },
    { "Ministerium", "" },
    { "Kreisverwaltung", "05162" },
    { "Zeitung", "" },
    { "Behoerde", "" },
  };

  g_assert_no_error (error);
  bielefeld = atlas_store_get_centre_by_ags (store, "05711", &error);
  g_assert_no_error (error);
  atlas_centre_set_field (bielefeld, ATLAS_CENTRE_STREET, "Niederwall 23");
  atlas_centre_set_field (bielefeld, ATLAS_CENTRE_POSTAL_CODE, "33602");
  g_assert_true (atlas_store_update_centre (store, bielefeld, &error));
  g_assert_no_error (error);

  parsed = parse_text ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Adresse;Ada\r\nORG:Amt für Integration\r\n"
                       "ADR;TYPE=WORK:;;Niederwall 23;Bielefeld;;33602;Deutschland\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Organisation;Olga\r\n"
                       "ORG:Kommunales Integrationszentrum der Stadt Aachen\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Einheit;Emil\r\n"
                       "ORG:Kreis Kleve;Kommunales Integrationszentrum\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Ministerium;Mia\r\n"
                       "ORG:Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration\r\n"
                       "END:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Kreisverwaltung;Kai\r\nORG:Rhein-Kreis Neuss\r\nEND:VCARD\r\n"
                       /* A town's newspaper or state authority is not its centre. */
                       "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Zeitung;Zoe\r\nORG:Rheinische Post Düsseldorf\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Behoerde;Ben\r\nORG:Bezirksregierung Köln\r\nEND:VCARD\r\n",
                       0, &format, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_contacts_import (store, parsed, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, G_N_ELEMENTS (expected));

  stored = atlas_contacts_collect (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AtlasContact *found = NULL;

      for (guint j = 0; j < stored->len; j++)
        if (g_str_equal (atlas_contact_get_field (g_ptr_array_index (stored, j), ATLAS_CONTACT_FAMILY_NAME),
                         expected[i].family))
          found = g_ptr_array_index (stored, j);
      g_assert_nonnull (found);
      g_assert_cmpstr (atlas_contact_get_field (found, ATLAS_CONTACT_CENTRE_AGS), ==, expected[i].ags);
      if (*expected[i].ags != '\0')
        {
          g_autoptr(AtlasCentre) centre = atlas_store_get_centre_by_ags (store, expected[i].ags, NULL);

          g_assert_cmpint (atlas_contact_get_centre_id (found), ==, atlas_centre_get_id (centre));
        }
      else
        g_assert_cmpint (atlas_contact_get_centre_id (found), ==, 0);
    }
  atlas_contact_report_clear (&report);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  atlas_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/round-trip", test_exchange_round_trip);
  g_test_add_func ("/exchange/odd-files", test_exchange_odd_files);
  ATLAS_TEST_ADD ("/exchange/import", test_exchange_import);
  ATLAS_TEST_ADD ("/exchange/import-links-centre", test_exchange_import_links_centre);

  return g_test_run ();
}
