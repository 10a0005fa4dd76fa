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

/* The figures reached on the labelled set (see the report of #18); a
 * change that loses any of them fails. */
#define MIN_CENTRE_PRECISION 0.76
#define MIN_CENTRE_RECALL    0.68
#define MIN_VISIT_PRECISION  0.64
#define MIN_VISIT_RECALL     0.51
#define MIN_DAY_ACCURACY     0.24

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
load_cases (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "detect-cases.txt", NULL);
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
test_labelled_set (void)
{
  g_autoptr(GPtrArray) cases = load_cases ();
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (score_free);
  Score total = { (char *) "all", 0 };
  gboolean verbose = g_getenv ("ATLAS_DETECT_VERBOSE") != NULL;

  g_assert_cmpuint (cases->len, >=, 120);
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

  g_assert_cmpfloat (ratio (total.centre_tp, total.centre_tp + total.centre_fp), >=, MIN_CENTRE_PRECISION);
  g_assert_cmpfloat (ratio (total.centre_tp, total.centre_tp + total.centre_fn), >=, MIN_CENTRE_RECALL);
  g_assert_cmpfloat (ratio (total.visit_tp, total.visit_tp + total.visit_fp), >=, MIN_VISIT_PRECISION);
  g_assert_cmpfloat (ratio (total.visit_tp, total.visit_tp + total.visit_fn), >=, MIN_VISIT_RECALL);
  g_assert_cmpfloat (ratio (total.days_right, total.days), >=, MIN_DAY_ACCURACY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/detect/labelled-set", test_labelled_set);
  return g_test_run ();
}
