/* atlas-detect.c: which centres a press release is about, and its visits
 *
 * Every name of a place in the text counts as evidence for the centre of
 * its district, weighted by where it stands and by the role it plays:
 *
 * - Names: the 396 municipalities and 53 districts of the gazetteer
 *   (atlas-gazetteer.c), a town for its Kreis ("Marl" is the Kreis
 *   Recklinghausen), with the other names of districts ("Rhein-Kreises
 *   Neuss", "Märkischen Kreis", "Klingenstadt"), genitives ("Kölns") and
 *   inhabitants' words ("Coesfelder", "Kölnerin").
 * - Position: the headline weighs most, then the lead (the first real
 *   paragraph, after photo captions, datelines and subtitles), the body,
 *   address lines; a dateline counts as much as the body, except in texts
 *   about all of NRW, where it is only the ministry's seat.
 * - Role: the place where something happens counts; where people come
 *   from ("Vertreter aus Bonn", "aus der benachbarten Stadt Bottrop", "aus
 *   Köln, Essen und dem Kreis Mettmann"), who they are ("die 37-jährige
 *   Kölnerin", "gebürtige Dortmunderin"), streets ("Neusser Straße"),
 *   buildings ("Aachen-Arkaden"), places passed through ("auf dem Weg zu
 *   einem Termin in Wuppertal"), state-wide events and stops still to
 *   come ("Weitere Stationen …"), examples outside a visit sentence
 *   ("Projekte wie die Lesepaten in Bottrop", "etwa in Moers") do not;
 *   "Aus" opening a sentence is "aus". A place named in a sentence
 *   reporting the visit counts more.
 * - Ambiguous names: "Mülheim" is Mülheim an der Ruhr unless the text is
 *   about Köln (Köln-Mülheim); "Essen" after an article, an adjective or
 *   any lowercase word but a preposition is a meal; bare "Aachen" in a
 *   text of the Städteregion Aachen is its seat, not Stadt Aachen's
 *   centre; common words that are also town names ("Lage", "Senden",
 *   "Wetter") count only after "in" or "nach".
 *
 * The centres whose evidence reaches a threshold (and a third of the
 * strongest, or named with its institution after a visit verb: "…, am
 * Nachmittag das der Stadt Aachen") are the ones the release is about;
 * the others are mentioned. The rows of a schedule ("10 Uhr: Kommunales
 * Integrationszentrum Kreis Olpe, Lennestadt") in a text with a visit are
 * its stops, on the day of the schedule's heading.
 * A visit sentence naming another district's place ("Bei dem Besuch in
 * Viersen …" in a release about Höxter) is not the main centre's visit:
 * where no visit sentence names the release's subject, the places they
 * name are subjects too, their visits a guess to check (confidence below
 * 0.5). A visit sentence that names no place goes on about the venue of
 * the one before ("Sie informierte sich …" after a Jobcenter).
 * Visits and their days come from the visit sentences
 * (atlas-detect-visit.c); the official is named by their office, or after
 * that by their surname alone. A visit whose sentence states no day takes
 * the day of the sentence before, or of the lead where it names the
 * official or the centre.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-detect.h"
#include "atlas-detect-private.h"

/* Indexed by Position and Role (atlas-detect-private.h). */
static const double position_weight[] = { 3.0, 2.0, 1.0, 1.0, 0.5, 1.5 };

static const double role_weight[] = { 1.0, 0.8, 0, 0, 0, 0, 0 };

/* Subject: at least this much evidence, and a third of the strongest. */
#define MIN_SCORE 1.0
#define MIN_SHARE 0.34

/* Detection ---------------------------------------------------------------- */

typedef struct {
  const char *centre;
  double score;
  double best_weight;
  guint best_sentence;
  guint first_sentence;
  gboolean subject;
  gboolean visited_by_name;  /* named with its institution after a visit verb */
  gboolean named_in_visit;   /* where a visit sentence's visit goes */
  gboolean elsewhere;        /* subject only as such a place */
} Candidate;

static gboolean
is_visit (const Sentence *s)
{
  return s->visit == ATLAS_VISIT_SENTENCE_CENTRE || s->visit == ATLAS_VISIT_SENTENCE_PLACE;
}

static double
hit_weight (const Hit      *hit,
            const Sentence *s,
            gboolean        place_after_verb,
            gboolean        statewide)
{
  double role = role_weight[hit->role];
  double weight;

  if (s->position == POSITION_DATELINE && statewide)
    return 0;
  /* "Nach Gesprächen in Düsseldorf ging es weiter nach Kleve": where the
   * visit goes is after its verb; what comes before is the last stop. */
  if (is_visit (s) && place_after_verb && hit->offset < s->verb_offset)
    role *= 0.25;
  weight = position_weight[s->position] * role;
  if (is_visit (s))
    weight += 2 * role;
  if (hit->after_institution)
    weight += role;
  return weight;
}

static void
mention_clear (gpointer data)
{
  AtlasCentreMention *m = data;

  g_clear_pointer (&m->evidence, g_free);
  g_clear_pointer (&m->visit_evidence, g_free);
}

static int
by_score (gconstpointer a,
          gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->subject != cb->subject)
    return ca->subject ? -1 : 1;
  if (ca->score != cb->score)
    return ca->score > cb->score ? -1 : 1;
  return (int) ca->first_sentence - (int) cb->first_sentence;
}

/* Whether sentence @i names the centre @ags (any centre if %NULL) as a
 * place. */
static gboolean
names_centre (GArray     *hits,
              guint       i,
              const char *ags)
{
  for (guint h = 0; h < hits->len; h++)
    {
      Hit *hit = &g_array_index (hits, Hit, h);

      if (hit->sentence == i && (ags == NULL || g_str_equal (hit->centre, ags)) && role_weight[hit->role] > 0)
        return TRUE;
    }
  return FALSE;
}

/* A visit verb in the present tense announces the visit, except in the
 * headline. */
static gboolean
announced (const Sentence *s)
{
  return s->position != POSITION_TITLE && atlas_detect_visit_announced (s->text, s->verb_offset);
}

/* Whether sentence @i names a centre other than @ags as a place. */
static gboolean
names_other_centre (GArray     *hits,
                    guint       i,
                    const char *ags)
{
  for (guint h = 0; h < hits->len; h++)
    {
      Hit *hit = &g_array_index (hits, Hit, h);

      if (hit->sentence == i && !g_str_equal (hit->centre, ags) && role_weight[hit->role] > 0)
        return TRUE;
    }
  return FALSE;
}

/* Fills in the visit of @m from the visit sentences; @named: whether the
 * sentences name its centre (else the visit is the text's, given to its
 * main centre). */
static void
find_visit (AtlasCentreMention *m,
            GPtrArray          *sentences,
            GArray             *hits,
            gint64              published)
{
  int evidence = -1;
  gboolean named = FALSE;
  gboolean planned = FALSE;
  GDate day;

  /* Sentences naming the centre first, then the others. */
  for (int pass = 0; pass < 2 && !m->day_stated; pass++)
    for (guint i = 0; i < sentences->len && !m->day_stated; i++)
      {
        Sentence *s = sentences->pdata[i];
        gboolean here;

        if (!is_visit (s))
          continue;
        here = names_centre (hits, i, m->ags);
        if (here != (pass == 0))
          continue;
        /* "Bei dem Besuch in Viersen …" in a release about Höxter: a
         * visit elsewhere is not this centre's. */
        if (!here && names_other_centre (hits, i, m->ags))
          continue;
        if (evidence < 0 || (here && !named))
          {
            evidence = i;
            named = here;
          }
        planned = announced (s);
        if (atlas_detect_visit_day (s->text, s->verb_offset, published, &planned, &day))
          {
            m->day_stated = TRUE;
            evidence = i;
          }
      }

  if (evidence < 0)
    return;

  if (!m->day_stated)
    {
      Sentence *s = sentences->pdata[evidence];
      GDate ignored;

      atlas_detect_publication_day (published, &day);
      planned = announced (s);
      atlas_detect_visit_day (s->text, s->verb_offset, published, &planned, &ignored);

      /* "Am Dienstag stand in Bottrop die Sprachförderung im Mittelpunkt.
       * Die Staatssekretärin besuchte dazu …": the day of the sentence
       * before, in the same paragraph. */
      for (int back = 1; back <= 2 && evidence - back >= 0 && !m->day_stated; back++)
        {
          Sentence *before = sentences->pdata[evidence - back];

          if (before->line != s->line || before->position != s->position)
            break;
          m->day_stated = atlas_detect_visit_day (before->text, strlen (before->text), published,
                                                  &planned, &day);
        }

      /* A schedule's row: the day of its heading ("Die Stationen am
       * Dienstag, 24. Juni:"), or of the text before it. */
      for (int back = 1, read = 0; s->schedule && evidence - back > 0 && read < 3 && !m->day_stated; back++)
        {
          Sentence *before = sentences->pdata[evidence - back];

          if (before->schedule)
            continue;
          read++;
          m->day_stated = atlas_detect_visit_day (before->text, strlen (before->text), published,
                                                  &planned, &day);
        }

      /* "Staatssekretärin besucht Integrationszentrum" over "Am Mittwoch
       * stellte das Kommunale Integrationszentrum der Staatssekretärin …
       * vor": the day of the lead, where it names the official or the
       * centre. */
      for (guint i = 0; i < sentences->len && !m->day_stated; i++)
        {
          Sentence *lead = sentences->pdata[i];

          if (lead->position != POSITION_LEAD || (int) i == evidence ||
              (!lead->names_official && !names_centre (hits, i, m->ags)))
            continue;
          m->day_stated = atlas_detect_visit_day (lead->text, 0, published, &planned, &day);
        }
      if (!m->day_stated)
        atlas_detect_publication_day (published, &day);
    }
  g_date_strftime (m->day, sizeof m->day, "%Y-%m-%d", &day);
  m->visit = planned ? ATLAS_DETECT_VISIT_PLANNED : ATLAS_DETECT_VISIT_DONE;
  m->visit_evidence = g_strdup (((Sentence *) sentences->pdata[evidence])->text);
  m->visit_confidence = ((Sentence *) sentences->pdata[evidence])->visit == ATLAS_VISIT_SENTENCE_CENTRE ? 0.9 : 0.6;
  if (((Sentence *) sentences->pdata[evidence])->position == POSITION_BODY)
    m->visit_confidence -= 0.15;
  if (!named)
    m->visit_confidence -= 0.1;
}

/**
 * atlas_detect_release:
 * @title: the release's title
 * @body: its plain text, paragraphs separated by blank lines
 * @source: (nullable): its publisher or feed ("Stadt Mülheim an der Ruhr")
 * @published: when it was published (seconds, UTC)
 *
 * Returns: (transfer full) (element-type AtlasCentreMention): the centres
 *   named, those the release is about first (strongest first), each with
 *   its evidence and, if the release reports or announces a visit, the
 *   visit
 */
GArray *
atlas_detect_release (const char *title,
                      const char *body,
                      const char *source,
                      gint64      published)
{
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, TRUE, sizeof (Hit));
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autofree char *all = NULL;
  g_autofree char *source_copy = NULL;
  GArray *mentions = g_array_new (FALSE, TRUE, sizeof (AtlasCentreMention));
  g_auto(GStrv) surnames = NULL;
  gboolean official, statewide, in_koeln = FALSE, in_staedteregion, source_mulheim;
  const char *koeln = g_intern_string ("05315");
  const char *ruhr_mulheim = g_intern_string ("05117");
  const char *duesseldorf = g_intern_string ("05111");
  double best = 0;
  gboolean visit_to_subject = FALSE, any_visit = FALSE, subject_in_visit = FALSE;
  int example = 0;

  g_array_set_clear_func (mentions, mention_clear);
  title = title ? title : "";
  body = body ? body : "";
  source = source ? source : "";
  {
    g_autofree char *joined = g_strconcat (title, "\n", body, NULL);

    all = atlas_detect_strndup (joined, strlen (joined));
  }
  source = source_copy = atlas_detect_strndup (source, strlen (source));

  official = atlas_detect_names_official (all);
  if (official)
    surnames = atlas_detect_official_surnames (all);
  statewide = atlas_detect_matches (PATTERN_STATEWIDE, all) || atlas_detect_matches (PATTERN_STATE_SOURCE, source);
  in_staedteregion = atlas_detect_matches (PATTERN_STAEDTEREGION, all) || atlas_detect_matches (PATTERN_STAEDTEREGION, source);
  source_mulheim = strstr (source, "Mülheim") != NULL;

  sentences = atlas_detect_read_sentences (title, body);
  for (guint i = 0; i < sentences->len; i++)
    {
      Sentence *s = sentences->pdata[i];
      Sentence *previous = i > 0 ? sentences->pdata[i - 1] : NULL;
      guint before = hits->len;

      s->names_official = official && (atlas_detect_names_official (s->text) || atlas_detect_names_surname (s->text, surnames));
      s->visit = atlas_detect_visit_sentence (s->text, official, s->names_official,
                                              previous != NULL && previous->names_official,
                                              &s->verb_offset);
      atlas_detect_scan_sentence (hits, s->text, i);

      /* "Die Ministerin besuchte das Jobcenter in Gladbeck. Sie informierte
       * sich über Sprachkurse.": naming no place of its own, a visit
       * sentence goes on about the venue of the one before. */
      if (s->visit == ATLAS_VISIT_SENTENCE_PLACE && previous != NULL &&
          previous->visit == ATLAS_VISIT_SENTENCE_OTHER_VENUE && previous->line == s->line)
        {
          gboolean place = FALSE;

          for (guint h = before; h < hits->len; h++)
            place |= role_weight[g_array_index (hits, Hit, h).role] > 0;
          if (!place)
            s->visit = ATLAS_VISIT_SENTENCE_OTHER_VENUE;
        }

      /* State-wide events and stops to come name places, not the subject. */
      if (s->visit == ATLAS_VISIT_SENTENCE_RECALLED || (strstr (s->text, "landesweit") != NULL || strstr (s->text, "NRW-weit") != NULL))
        for (guint h = before; h < hits->len; h++)
          g_array_index (hits, Hit, h).role = ROLE_MENTION;

      /* "Projekte wie die Lesepaten in Bottrop", "Gute Beispiele gibt es
       * etwa in Moers": examples, outside a visit sentence, are no
       * subject. */
      if (s->visit == ATLAS_VISIT_SENTENCE_NONE && hits->len > before &&
          atlas_detect_match_at (PATTERN_EXAMPLE, s->text, &example))
        for (guint h = before; h < hits->len; h++)
          if (g_array_index (hits, Hit, h).offset > example)
            g_array_index (hits, Hit, h).role = ROLE_MENTION;
    }

  /* A schedule's rows ("10 Uhr: Kommunales Integrationszentrum Kreis
   * Olpe, Lennestadt") in a text that reports or announces a visit are
   * its stops. */
  for (guint i = 0; i < sentences->len; i++)
    any_visit |= is_visit (sentences->pdata[i]);
  for (guint i = 0; any_visit && i < sentences->len; i++)
    {
      Sentence *s = sentences->pdata[i];

      if (s->schedule && s->visit == ATLAS_VISIT_SENTENCE_NONE && names_centre (hits, i, NULL))
        {
          s->visit = ATLAS_VISIT_SENTENCE_CENTRE;
          s->verb_offset = 0;
        }
    }

  for (guint h = 0; h < hits->len; h++)
    if (g_str_equal (g_array_index (hits, Hit, h).centre, koeln))
      in_koeln = TRUE;

  /* Ambiguous names, by the text's other places and its source. */
  for (guint h = 0; h < hits->len; h++)
    {
      Hit *hit = &g_array_index (hits, Hit, h);

      if (hit->kind == NAME_MULHEIM)
        hit->centre = (in_koeln && !source_mulheim) ? koeln : ruhr_mulheim;
      if (hit->kind == NAME_AACHEN && in_staedteregion && !hit->after_stadt && hit->role == ROLE_PLACE)
        hit->role = ROLE_MENTION;
      /* In a text about all of NRW, Düsseldorf in the body is the
       * government's seat, unless its centre is named or visited. */
      if (statewide && g_str_equal (hit->centre, duesseldorf) && !hit->after_institution &&
          !is_visit (sentences->pdata[hit->sentence]) &&
          ((Sentence *) sentences->pdata[hit->sentence])->position != POSITION_TITLE)
        hit->role = ROLE_MENTION;
    }

  /* Evidence per centre. */
  for (guint h = 0; h < hits->len; h++)
    {
      Hit *hit = &g_array_index (hits, Hit, h);
      Sentence *s = sentences->pdata[hit->sentence];
      gboolean place_after_verb = FALSE;
      Candidate *c = NULL;
      double weight;

      for (guint k = 0; k < hits->len; k++)
        {
          Hit *other = &g_array_index (hits, Hit, k);

          if (other->sentence == hit->sentence && other->offset > s->verb_offset &&
              role_weight[other->role] > 0)
            place_after_verb = TRUE;
        }
      weight = hit_weight (hit, s, place_after_verb, statewide);

      for (guint i = 0; i < candidates->len; i++)
        if (g_str_equal (g_array_index (candidates, Candidate, i).centre, hit->centre))
          c = &g_array_index (candidates, Candidate, i);
      if (c == NULL)
        {
          Candidate fresh = { hit->centre, 0, -1, hit->sentence, hit->sentence, FALSE };

          g_array_append_val (candidates, fresh);
          c = &g_array_index (candidates, Candidate, candidates->len - 1);
        }
      c->score += weight;
      /* "besuchte sie das Integrationszentrum der StädteRegion, am
       * Nachmittag das der Stadt Aachen": visited, however much more the
       * text says of the other. */
      if (hit->after_institution && hit->role == ROLE_PLACE && s->visit == ATLAS_VISIT_SENTENCE_CENTRE &&
          hit->offset > s->verb_offset)
        c->visited_by_name = TRUE;
      if (is_visit (s) && role_weight[hit->role] > 0 && weight > 0 &&
          (hit->offset > s->verb_offset || !place_after_verb))
        c->named_in_visit = TRUE;
      if (weight > c->best_weight)
        {
          c->best_weight = weight;
          c->best_sentence = hit->sentence;
        }
    }
  for (guint i = 0; i < candidates->len; i++)
    best = MAX (best, g_array_index (candidates, Candidate, i).score);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      c->subject = c->score >= MIN_SCORE && (c->score >= MIN_SHARE * best || c->visited_by_name);
      subject_in_visit |= c->subject && c->named_in_visit;
    }
  /* "Während ihres Besuchs in Viersen …" in a release about Höxter: where
   * no visit sentence names the release's subject, the places they name
   * are visited too. */
  for (guint i = 0; i < candidates->len && !subject_in_visit; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      c->elsewhere = !c->subject && c->named_in_visit && c->score >= MIN_SCORE;
      c->subject |= c->elsewhere;
    }
  g_array_sort (candidates, by_score);

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      AtlasCentreMention m = { { 0 } };

      g_strlcpy (m.ags, c->centre, sizeof m.ags);
      m.visited = c->subject;
      m.confidence = MIN (1.0, c->score / 5.0);
      m.evidence = g_strdup (((Sentence *) sentences->pdata[c->best_sentence])->text);
      g_array_append_val (mentions, m);
    }

  /* Visits: to the centres the visit sentences name, else to the main one. */
  if (!any_visit)
    return mentions;
  for (guint i = 0; i < mentions->len; i++)
    {
      AtlasCentreMention *m = &g_array_index (mentions, AtlasCentreMention, i);

      for (guint h = 0; h < hits->len && m->visited; h++)
        {
          Hit *hit = &g_array_index (hits, Hit, h);

          if (g_str_equal (hit->centre, m->ags) && role_weight[hit->role] > 0 &&
              is_visit (sentences->pdata[hit->sentence]))
            {
              find_visit (m, sentences, hits, published);
              /* A visit elsewhere than the release is about: a guess to check. */
              if (g_array_index (candidates, Candidate, i).elsewhere)
                m->visit_confidence = MIN (m->visit_confidence, 0.45);
              visit_to_subject = TRUE;
              break;
            }
        }
    }
  if (!visit_to_subject && mentions->len > 0 && g_array_index (mentions, AtlasCentreMention, 0).visited)
    find_visit (&g_array_index (mentions, AtlasCentreMention, 0), sentences, hits, published);

  return mentions;
}

/**
 * atlas_detect_centres:
 * @title: the release's title
 * @body: its plain text, paragraphs separated by blank lines
 *
 * Returns: (transfer full) (element-type AtlasCentreMention): the centres
 *   named, those the release is about first
 */
GArray *
atlas_detect_centres (const char *title,
                      const char *body)
{
  return atlas_detect_release (title, body, NULL, 0);
}

typedef struct {
  gsize start, end;
} Range;

static int
by_start (gconstpointer a,
          gconstpointer b)
{
  const Range *ra = a, *rb = b;

  return ra->start < rb->start ? -1 : ra->start > rb->start;
}

/**
 * atlas_detect_highlight:
 * @text: a release's body
 * @sentences: (nullable): the evidence sentences
 *
 * Returns: (transfer full): @text as Pango markup, the first occurrence of
 *   each sentence in bold
 */
char *
atlas_detect_highlight (const char         *text,
                        const char * const *sentences)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  GString *markup = g_string_new (NULL);
  gsize done = 0;

  for (guint i = 0; sentences != NULL && sentences[i]; i++)
    {
      const char *at = *sentences[i] ? strstr (text, sentences[i]) : NULL;
      Range r;

      if (at == NULL)
        continue;
      r.start = at - text;
      r.end = r.start + strlen (sentences[i]);
      g_array_append_val (ranges, r);
    }
  g_array_sort (ranges, by_start);

  for (guint i = 0; i < ranges->len; i++)
    {
      Range *r = &g_array_index (ranges, Range, i);
      g_autofree char *before = NULL;
      g_autofree char *bold = NULL;

      if (r->end <= done)
        continue;
      r->start = MAX (r->start, done);
      before = g_markup_escape_text (text + done, r->start - done);
      bold = g_markup_escape_text (text + r->start, r->end - r->start);
      g_string_append_printf (markup, "%s<b>%s</b>", before, bold);
      done = r->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + done, -1);

    g_string_append (markup, rest);
  }

  return g_string_free (markup, FALSE);
}
