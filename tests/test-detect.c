/* test-detect.c: centre, visit and day detection measured on a labelled set
 *
 * tests/fixtures/detect-cases.txt holds short press releases written for
 * this test, each labelled with the centres it is about, its visits and
 * their days, grouped in classes (the failure classes of issue #18 and the
 * cases that must keep working). The test reports precision and recall of
 * centres and visits and the share of right days, per class and overall,
 * and fails below the figures the detection reached when they were set.
 * ATLAS_DETECT_VERBOSE=1 lists every wrong case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "atlas-detect.h"
#include "atlas-gazetteer.h"

typedef struct {
  const char *file;
  guint min_cases;
  double centre_precision, centre_recall, visit_precision, visit_recall, day_accuracy;
} LabelledSet;

/* The figures reached (see the report of #18); a change that loses any of
 * them fails. The labelled set was written with the rules. The first
 * held-out set was written before the last rules and some of them follow
 * its misses; the second was written after the first round of rules and
 * changed none of them (the second round's vocabulary was asked for by the
 * kinds of phrasing it missed, named in the brief). The third was
 * written, with new phrasings of every class, before the second round of
 * rules and changed none of them; the third round's rules (and its new
 * labelled cases, in other words) follow the classes it missed, so it is
 * no longer unseen. The fourth was written after the third round and
 * committed before the detector first ran on it (centres 1.000/1.000,
 * visits 0.963/0.897, days 26/26 on that first run); the fourth round's
 * rules follow the classes of its three misses (with new labelled cases
 * in other words), so it is no longer unseen. The fifth was written after
 * the fourth round and committed before the detector first ran on it; no
 * rule follows it: its figures (centres 1.000/1.000, visits 0.962/0.806,
 * days 25/25 on that first run) are the estimate for texts detection has
 * not seen. */
static const LabelledSet labelled = { "detect-cases.txt", 235, 1.0, 1.0, 1.0, 1.0, 1.0 };
static const LabelledSet held_out = { "detect-holdout.txt", 30, 0.96, 0.99, 0.99, 0.99, 0.99 };
static const LabelledSet held_out_2 = { "detect-holdout2.txt", 20, 0.99, 0.99, 0.99, 0.99, 0.99 };
static const LabelledSet held_out_3 = { "detect-holdout3.txt", 31, 0.99, 0.99, 0.99, 0.99, 0.99 };
static const LabelledSet held_out_4 = { "detect-holdout4.txt", 36, 0.99, 0.99, 0.99, 0.99, 0.99 };
static const LabelledSet held_out_5 = { "detect-holdout5.txt", 42, 0.99, 0.99, 0.96, 0.80, 0.99 };

typedef struct {
  char *id;
  char *klass;
  char *title;
  char *source;
  char *body;
  gint64 published;
  GStrv centres;
  GStrv visits;  /* AGS@DATE, AGS@?, AGS@planned:DATE */
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->id);
  g_free (c->klass);
  g_free (c->title);
  g_free (c->source);
  g_free (c->body);
  g_strfreev (c->centres);
  g_strfreev (c->visits);
  g_free (c);
}

static GStrv
split_list (const char *value)
{
  if (g_str_equal (value, "-"))
    return g_new0 (char *, 1);
  return g_strsplit_set (value, " ", -1);
}

static gint64
parse_day (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  g_assert_cmpint (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d), ==, 3);
  /* Midday in Germany, as feeds without a time are stored. */
  dt = g_date_time_new_utc (y, m, d, 10, 0, 0);
  return g_date_time_to_unix (dt);
}

static GPtrArray *
load_cases (const char *file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) records = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  records = g_strsplit (contents, "\n### ", -1);
  for (guint r = 1; records[r]; r++)
    {
      g_auto(GStrv) lines = g_strsplit (records[r], "\n", -1);
      g_autoptr(GString) body = g_string_new (NULL);
      g_auto(GStrv) head = g_strsplit (lines[0], " ", 2);
      Case *c = g_new0 (Case, 1);
      guint i;

      g_assert_nonnull (head[1]);
      c->id = g_strdup (head[0]);
      c->klass = g_strdup (head[1]);
      for (i = 1; lines[i] && *lines[i]; i++)
        {
          const char *colon = strchr (lines[i], ':');
          g_autofree char *key = NULL;
          const char *value;

          g_assert_nonnull (colon);
          key = g_strndup (lines[i], colon - lines[i]);
          value = colon + 1 + strspn (colon + 1, " ");
          if (g_str_equal (key, "published"))
            c->published = parse_day (value);
          else if (g_str_equal (key, "source"))
            c->source = g_strdup (value);
          else if (g_str_equal (key, "centres"))
            c->centres = split_list (value);
          else if (g_str_equal (key, "visits"))
            c->visits = split_list (value);
          else if (g_str_equal (key, "title"))
            c->title = g_strdup (value);
          else
            g_error ("case %s: unknown key %s", c->id, key);
        }
      for (i = lines[i] ? i + 1 : i; lines[i]; i++)
        g_string_append_printf (body, "%s%s", lines[i], lines[i + 1] ? "\n" : "");
      c->body = g_strdup (g_strstrip (body->str));
      if (c->title == NULL || c->centres == NULL || c->visits == NULL || c->published == 0)
        g_error ("case %s lacks a header", c->id);
      g_ptr_array_add (cases, c);
    }

  return cases;
}

typedef struct {
  char *klass;
  guint centre_tp, centre_fp, centre_fn;
  guint visit_tp, visit_fp, visit_fn;
  guint days, days_right;
  guint cases;
} Score;

static double
ratio (guint num,
       guint den)
{
  return den == 0 ? 1.0 : (double) num / den;
}

static Score *
score_for (GPtrArray  *scores,
           const char *klass)
{
  Score *s;

  for (guint i = 0; i < scores->len; i++)
    if (g_str_equal (((Score *) scores->pdata[i])->klass, klass))
      return scores->pdata[i];

  s = g_new0 (Score, 1);
  s->klass = g_strdup (klass);
  g_ptr_array_add (scores, s);
  return s;
}

static void
score_free (gpointer data)
{
  Score *s = data;

  g_free (s->klass);
  g_free (s);
}

static void
add_score (Score       *total,
           const Score *s)
{
  total->centre_tp += s->centre_tp;
  total->centre_fp += s->centre_fp;
  total->centre_fn += s->centre_fn;
  total->visit_tp += s->visit_tp;
  total->visit_fp += s->visit_fp;
  total->visit_fn += s->visit_fn;
  total->days += s->days;
  total->days_right += s->days_right;
  total->cases += s->cases;
}

static const char *
visit_label (const AtlasCentreMention *m)
{
  return m->visit == ATLAS_DETECT_VISIT_PLANNED ? "planned:" : "";
}

/* Scores one case into @s; returns a description of what went wrong, or NULL. */
static char *
score_case (const Case *c,
            Score      *s)
{
  g_autoptr(GArray) found = atlas_detect_release (c->title, c->body, c->source, c->published);
  g_autoptr(GString) wrong = g_string_new (NULL);

  s->cases++;

  /* Centres: the ones the release is about. */
  for (guint i = 0; i < found->len; i++)
    {
      AtlasCentreMention *m = &g_array_index (found, AtlasCentreMention, i);

      if (!m->visited)
        continue;
      if (g_strv_contains ((const char * const *) c->centres, m->ags))
        s->centre_tp++;
      else
        {
          s->centre_fp++;
          g_string_append_printf (wrong, " +centre %s", m->ags);
        }
    }
  for (guint j = 0; c->centres[j]; j++)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < found->len; i++)
        if (g_array_index (found, AtlasCentreMention, i).visited &&
            g_str_equal (g_array_index (found, AtlasCentreMention, i).ags, c->centres[j]))
          seen = TRUE;
      if (!seen)
        {
          s->centre_fn++;
          g_string_append_printf (wrong, " -centre %s", c->centres[j]);
        }
    }

  /* Visits: the centre and whether done or planned; then the day. */
  for (guint i = 0; i < found->len; i++)
    {
      AtlasCentreMention *m = &g_array_index (found, AtlasCentreMention, i);
      g_autofree char *prefix = NULL;
      const char *expected = NULL;

      if (m->visit == ATLAS_DETECT_VISIT_NONE)
        continue;
      prefix = g_strconcat (m->ags, "@", NULL);
      for (guint j = 0; c->visits[j]; j++)
        if (g_str_has_prefix (c->visits[j], prefix))
          expected = c->visits[j] + strlen (prefix);

      if (expected == NULL ||
          g_str_has_prefix (expected, "planned:") != (m->visit == ATLAS_DETECT_VISIT_PLANNED))
        {
          s->visit_fp++;
          g_string_append_printf (wrong, " +visit %s@%s%s", m->ags, visit_label (m), m->day);
          continue;
        }
      s->visit_tp++;
      if (g_str_has_prefix (expected, "planned:"))
        expected += strlen ("planned:");
      if (!g_str_equal (expected, "?"))
        {
          s->days++;
          if (g_str_equal (expected, m->day))
            s->days_right++;
          else
            g_string_append_printf (wrong, " day %s@%s not %s", m->ags, m->day, expected);
        }
    }
  for (guint j = 0; c->visits[j]; j++)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < found->len; i++)
        {
          AtlasCentreMention *m = &g_array_index (found, AtlasCentreMention, i);
          const char *at = strchr (c->visits[j], '@');

          if (m->visit != ATLAS_DETECT_VISIT_NONE &&
              strncmp (c->visits[j], m->ags, at - c->visits[j]) == 0 && m->ags[at - c->visits[j]] == '\0' &&
              g_str_has_prefix (at + 1, "planned:") == (m->visit == ATLAS_DETECT_VISIT_PLANNED))
            seen = TRUE;
        }
      if (!seen)
        {
          s->visit_fn++;
          g_string_append_printf (wrong, " -visit %s", c->visits[j]);
        }
    }

  return wrong->len > 0 ? g_strdup (wrong->str) : NULL;
}

static void
report (const Score *s)
{
  g_test_message ("%-14s %3u cases  centres P %.3f R %.3f  visits P %.3f R %.3f  days %u/%u",
                  s->klass, s->cases,
                  ratio (s->centre_tp, s->centre_tp + s->centre_fp),
                  ratio (s->centre_tp, s->centre_tp + s->centre_fn),
                  ratio (s->visit_tp, s->visit_tp + s->visit_fp),
                  ratio (s->visit_tp, s->visit_tp + s->visit_fn),
                  s->days_right, s->days);
}

static void
test_labelled_set (gconstpointer data)
{
  const LabelledSet *set = data;
  g_autoptr(GPtrArray) cases = load_cases (set->file);
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (score_free);
  Score total = { (char *) "all", 0 };
  gboolean verbose = g_getenv ("ATLAS_DETECT_VERBOSE") != NULL;

  g_assert_cmpuint (cases->len, >=, set->min_cases);
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = cases->pdata[i];
      g_autofree char *wrong = score_case (c, score_for (scores, c->klass));

      if (wrong != NULL && verbose)
        g_test_message ("%s:%s", c->id, wrong);
    }

  for (guint i = 0; i < scores->len; i++)
    {
      report (scores->pdata[i]);
      add_score (&total, scores->pdata[i]);
    }
  report (&total);

  g_assert_cmpfloat (ratio (total.centre_tp, total.centre_tp + total.centre_fp), >=, set->centre_precision);
  g_assert_cmpfloat (ratio (total.centre_tp, total.centre_tp + total.centre_fn), >=, set->centre_recall);
  g_assert_cmpfloat (ratio (total.visit_tp, total.visit_tp + total.visit_fp), >=, set->visit_precision);
  g_assert_cmpfloat (ratio (total.visit_tp, total.visit_tp + total.visit_fn), >=, set->visit_recall);
  g_assert_cmpfloat (ratio (total.days_right, total.days), >=, set->day_accuracy);
}

/* The gazetteer holds all of NRW: 396 municipalities in 53 districts, each
 * municipality inside its district. */
static void
test_gazetteer (void)
{
  g_autoptr(GHashTable) districts = g_hash_table_new (g_str_hash, g_str_equal);
  guint municipalities = 0;

  for (guint i = 0; i < atlas_gazetteer_get_n_places (); i++)
    {
      const AtlasPlace *p = atlas_gazetteer_get_place (i);

      if (p->is_district)
        {
          g_assert_cmpuint (strlen (p->ags), ==, 5);
          g_hash_table_add (districts, (gpointer) p->ags);
          continue;
        }
      municipalities++;
      g_assert_cmpuint (strlen (p->ags), ==, 8);
      g_assert_true (g_str_has_prefix (p->ags, p->district));
      g_assert_true (g_hash_table_contains (districts, p->district));
    }
  g_assert_cmpuint (municipalities, ==, 396);
  g_assert_cmpuint (g_hash_table_size (districts), ==, 53);
}

/* Every municipality, named in a headline, links the release to its
 * district's centre (Stadt Aachen to its own). */
static void
test_every_town (void)
{
  for (guint i = 0; i < atlas_gazetteer_get_n_places (); i++)
    {
      const AtlasPlace *p = atlas_gazetteer_get_place (i);
      g_autofree char *title = g_strdup_printf ("Besuch in %s", p->name);
      g_autoptr(GArray) found = atlas_detect_release (title, "", NULL, 0);
      const char *expected = g_str_equal (p->ags, "05334002") ? p->ags : p->district;

      if (found->len == 0 || !g_array_index (found, AtlasCentreMention, 0).visited ||
          !g_str_equal (g_array_index (found, AtlasCentreMention, 0).ags, expected))
        g_error ("%s (%s): found %s", p->name, p->ags,
                 found->len ? g_array_index (found, AtlasCentreMention, 0).ags : "nothing");
    }
}

/* The reader shows the evidence in bold, the rest escaped as it is. */
/* The officials named with their office, however the office is spelt,
 * wherever it stands in the word, in order of first mention, once each;
 * a word that holds an office but names no one names no one. */
static void
test_visitors (void)
{
  static const struct { const char *text, *visitors; } cases[] = {
    { "Staatssekretärin Serap Güler besuchte Köln. Ministerpräsident Hendrik Wüst und "
      "Landesministerin Ina Scharrenbach kamen; erneut Staatssekretärin Serap Güler.",
      "Serap Güler; Hendrik Wüst; Ina Scharrenbach" },
    { "Der Minister kam. Der Minister für Integration, Joachim Stamp, sprach.", "Joachim Stamp" },
    { "(Bundesinnenministerin Nancy Faeser) und Staatsministerin Annette Widmann-Mauz",
      "Nancy Faeser; Annette Widmann-Mauz" },
    { "Ministerialrat Dr. Hans Meier und die Ministerin Dr. Eva Roth", "Dr. Eva Roth" },
    { "Ministerin\nMona Neubaur", "Mona Neubaur" },
    { "Keine Behörde, kein Amt.", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *visitors = atlas_detect_visitors (cases[i].text);

      g_assert_cmpstr (visitors, ==, cases[i].visitors);
    }
}

static void
test_highlight (void)
{
  const char *sentences[] = { "Sie kam nach Marl.", "Fehlt.", "nach Marl", NULL };
  g_autofree char *markup = atlas_detect_highlight ("A & B.\n\nSie kam nach Marl. <Ende>", sentences);
  g_autofree char *none = atlas_detect_highlight ("a < b", NULL);

  g_assert_cmpstr (markup, ==, "A &amp; B.\n\n<b>Sie kam nach Marl.</b> &lt;Ende&gt;");
  g_assert_cmpstr (none, ==, "a &lt; b");
  {
    static const GMarkupParser parser = { 0 };
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
    g_autofree char *document = g_strconcat ("<markup>", markup, "</markup>", NULL);

    g_assert_true (g_markup_parse_context_parse (context, document, -1, NULL));
    g_assert_true (g_markup_parse_context_end_parse (context, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/detect/gazetteer", test_gazetteer);
  g_test_add_func ("/detect/highlight", test_highlight);
  g_test_add_func ("/detect/visitors", test_visitors);
  g_test_add_func ("/detect/every-town", test_every_town);
  g_test_add_data_func ("/detect/labelled-set", &labelled, test_labelled_set);
  g_test_add_data_func ("/detect/held-out-set", &held_out, test_labelled_set);
  g_test_add_data_func ("/detect/held-out-set-2", &held_out_2, test_labelled_set);
  g_test_add_data_func ("/detect/held-out-set-3", &held_out_3, test_labelled_set);
  g_test_add_data_func ("/detect/held-out-set-4", &held_out_4, test_labelled_set);
  g_test_add_data_func ("/detect/held-out-set-5", &held_out_5, test_labelled_set);
  return g_test_run ();
}
