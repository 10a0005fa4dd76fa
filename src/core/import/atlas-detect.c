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
#include "atlas-gazetteer.h"

typedef enum {
  NAME_PLAIN,
  NAME_WEAK,       /* also a common word, or a town elsewhere */
  NAME_MEAL,       /* "Essen" */
  NAME_MULHEIM,    /* "Mülheim" alone */
  NAME_AACHEN,     /* "Aachen" alone */
  NAME_DEMONYM,    /* "Solinger": an inhabitant's word already */
} NameKind;

typedef struct {
  const char *centre;  /* interned AGS of the centre */
  NameKind kind;
} Name;

typedef struct {
  const char *centre;
  const char *form;
  NameKind kind;
} Alias;

/* Names the gazetteer does not hold: districts' other names and declined
 * forms, the qualified names of Mülheim, epithets. */
static const Alias aliases[] = {
  { "05334", "Städteregion Aachen", NAME_PLAIN }, { "05334", "StädteRegion Aachen", NAME_PLAIN },
  { "05334", "Städteregion", NAME_PLAIN }, { "05334", "StädteRegion", NAME_PLAIN },
  { "05117", "Mülheim an der Ruhr", NAME_PLAIN }, { "05117", "Mülheim/Ruhr", NAME_PLAIN },
  { "05117", "Mülheim a. d. Ruhr", NAME_PLAIN }, { "05117", "Mülheim a.d. Ruhr", NAME_PLAIN },
  { "05162", "Rhein-Kreises Neuss", NAME_PLAIN }, { "05162", "Neuß", NAME_PLAIN },
  { "05362", "Rhein-Erft-Kreises", NAME_PLAIN }, { "05382", "Rhein-Sieg-Kreises", NAME_PLAIN },
  { "05954", "Ennepe-Ruhr-Kreises", NAME_PLAIN }, { "05958", "Hochsauerlandkreises", NAME_PLAIN },
  { "05766", "Kreis Lippe", NAME_PLAIN }, { "05766", "Kreises Lippe", NAME_PLAIN },
  { "05766", "Lippe", NAME_WEAK }, { "05374", "Oberberg", NAME_PLAIN },
  { "05122", "Klingenstadt", NAME_PLAIN }, { "05122", "Solinger", NAME_DEMONYM },
  { "05122", "Solingerin", NAME_DEMONYM }, { "05122", "Solingerinnen", NAME_DEMONYM },
  { "05113", "Essen", NAME_MEAL }, { "05117", "Mülheim", NAME_MULHEIM },
  { "05334002", "Aachen", NAME_AACHEN }, { "05334002", "Stadt Aachen", NAME_PLAIN },
};

/* Districts named by an adjective: "des Märkischen Kreises". */
static const struct { const char *centre, *stem; } adjective_districts[] = {
  { "05374", "Oberbergisch" }, { "05378", "Rheinisch-Bergisch" }, { "05962", "Märkisch" },
};

/* Municipalities whose name is also a common German word or a town in
 * another state. */
static const char *weak_names[] = {
  "Alpen", "Dahlem", "Enger", "Ense", "Halle", "Heiden", "Hille", "Inden", "Kall", "Kamen",
  "Kerken", "Laer", "Lage", "Lichtenau", "Lotte", "Much", "Neunkirchen", "Recke", "Schlangen",
  "Senden", "Steinheim", "Titz", "Wenden", "Werne", "Werther", "Wetter",
};

typedef enum {
  POSITION_TITLE,
  POSITION_LEAD,
  POSITION_BODY,
  POSITION_DATELINE,  /* a short line before the lead: dateline, subtitle, "Pressemitteilung" */
  POSITION_CAPTION,
  POSITION_ADDRESS,
} Position;

static const double position_weight[] = { 3.0, 2.0, 1.0, 1.0, 0.5, 1.5 };

typedef enum {
  ROLE_PLACE,
  ROLE_ADJECTIVE,  /* "Coesfelder Integrationszentrum" */
  ROLE_ORIGIN,     /* "aus Bonn" */
  ROLE_PERSON,     /* "Kölnerin", "gebürtige Dortmunderin" */
  ROLE_STREET,     /* "Neusser Straße" */
  ROLE_BUILDING,   /* "Aachen-Arkaden" */
  ROLE_MENTION,    /* state-wide events, stops to come, Aachen in the Städteregion */
} Role;

static const double role_weight[] = { 1.0, 0.8, 0, 0, 0, 0, 0 };

typedef struct {
  char *text;
  Position position;
  guint line;        /* of the body; the title is line 0 */
  AtlasVisitSentence visit;
  int verb_offset;
  gboolean names_official;
  gboolean schedule;  /* a row of a schedule: "10 Uhr: Kommunales Integrationszentrum …" */
} Sentence;

typedef struct {
  const char *centre;
  NameKind kind;
  Role role;
  guint sentence;
  int offset;               /* in the sentence, bytes */
  gboolean after_stadt;     /* "Stadt Aachen" */
  gboolean after_institution;  /* "Integrationszentrum Dortmund", "Kreis Kleve" */
} Hit;

typedef struct {
  int start, end;  /* bytes */
} Token;

/* Subject: at least this much evidence, and a third of the strongest. */
#define MIN_SCORE 1.0
#define MIN_SHARE 0.34

/* Tokens ------------------------------------------------------------------- */

/* A letter or digit at @p; most of the text is ASCII, which needs no
 * decoding (g_unichar_isalnum() agrees with g_ascii_isalnum() there). */
static inline gboolean
is_alnum_at (const char *p)
{
  if ((guchar) *p < 0x80)
    return g_ascii_isalnum (*p);
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* Words: letters and digits, with hyphens inside ("Rhein-Sieg-Kreis"). */
static GArray *
tokenize (const char *text)
{
  /* Room for every word a text of this length can hold (one letter and
   * one separator each), so that appending never moves the array. */
  GArray *tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), strlen (text) / 2 + 1);
  const char *p = text;

  while (*p)
    {
      Token t;
      const char *q;

      if (!is_alnum_at (p))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      q = p;
      while (*q)
        {
          const char *next = g_utf8_next_char (q);

          if (is_alnum_at (q) || (*q == '-' && *next && is_alnum_at (next)))
            q = next;
          else
            break;
        }
      t.start = p - text;
      t.end = q - text;
      g_array_append_val (tokens, t);
      p = q;
    }

  return tokens;
}

static char *
token_text (const char *text,
            GArray     *tokens,
            guint       i)
{
  Token *t = &g_array_index (tokens, Token, i);

  return g_strndup (text + t->start, t->end - t->start);
}

/* Tokens @from to @to - 1, joined by spaces: the key of a name. */
static char *
join_tokens (const char *text,
             GArray     *tokens,
             guint       from,
             guint       to)
{
  GString *key = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);

      if (i > from)
        g_string_append_c (key, ' ');
      g_string_append_len (key, text + t->start, t->end - t->start);
    }
  return g_string_free (key, FALSE);
}

static char *
name_key (const char *name)
{
  g_autoptr(GArray) tokens = tokenize (name);

  return join_tokens (name, tokens, 0, tokens->len);
}

/* Names -------------------------------------------------------------------- */

static void
add_name (GHashTable *names,
          const char *form,
          const char *centre,
          NameKind    kind)
{
  char *key = name_key (form);
  Name *name;

  /* The first entry wins: the aliases come before the gazetteer. */
  if (*key == '\0' || g_hash_table_contains (names, key))
    {
      g_free (key);
      return;
    }
  name = g_new (Name, 1);
  name->centre = g_intern_string (centre);
  name->kind = kind;
  g_hash_table_insert (names, key, name);
}

static NameKind
kind_of (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (weak_names); i++)
    if (g_str_equal (name, weak_names[i]))
      return NAME_WEAK;
  return NAME_PLAIN;
}

static GHashTable *
build_names (void)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  static const char *adjective_endings[] = { "e", "en", "er", "es" };

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    add_name (names, aliases[i].form, aliases[i].centre, aliases[i].kind);
  for (guint i = 0; i < G_N_ELEMENTS (adjective_districts); i++)
    for (guint e = 0; e < G_N_ELEMENTS (adjective_endings); e++)
      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *form = g_strdup_printf ("%s%s %s", adjective_districts[i].stem,
                                                   adjective_endings[e], k ? "Kreises" : "Kreis");

          add_name (names, form, adjective_districts[i].centre, NAME_PLAIN);
        }

  for (guint i = 0; i < atlas_gazetteer_get_n_places (); i++)
    {
      const AtlasPlace *place = atlas_gazetteer_get_place (i);
      /* Stadt Aachen has a centre of its own beside the Städteregion. */
      const char *centre = g_str_equal (place->ags, "05334002") ? place->ags : place->district;
      g_autofree char *short_name = g_strdup (place->name);
      char *cut;

      add_name (names, place->name, centre, kind_of (place->name));
      if (place->is_district && g_str_has_suffix (place->name, "Kreis"))
        {
          g_autofree char *genitive = g_strconcat (place->name, "es", NULL);

          add_name (names, genitive, centre, NAME_PLAIN);
        }

      /* "Hennef (Sieg)" is "Hennef", "Haltern am See" "Haltern". */
      if ((cut = strstr (short_name, " (")) != NULL ||
          (cut = strstr (short_name, " am ")) != NULL ||
          (cut = strstr (short_name, " an der ")) != NULL)
        {
          *cut = '\0';
          add_name (names, short_name, centre, kind_of (short_name));
        }
      if (g_str_has_prefix (place->name, "Sankt "))
        {
          g_autofree char *st = g_strconcat ("St. ", place->name + strlen ("Sankt "), NULL);

          add_name (names, st, centre, NAME_PLAIN);
        }
    }

  return names;
}

static GHashTable *multiword_starts;  /* "Rhein-Kreis" of "Rhein-Kreis Neuss" */

static GHashTable *
get_names (void)
{
  static gsize initialized = 0;
  static GHashTable *names;

  if (g_once_init_enter (&initialized))
    {
      GHashTableIter iter;
      gpointer key;

      names = build_names ();
      multiword_starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, names);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          const char *space = strchr (key, ' ');

          if (space != NULL)
            g_hash_table_add (multiword_starts, g_strndup (key, space - (const char *) key));
        }
      g_once_init_leave (&initialized, 1);
    }
  return names;
}

/* Endings that make a name a genitive, an inhabitant or an adjective:
 * "Kölns", "Kölner", "Kölnerin", "Klever", "Münsteraner". Longest first. */
typedef enum { ENDING_NONE, ENDING_GENITIVE, ENDING_INHABITANT, ENDING_PERSON } Ending;

static const struct { const char *suffix; Ending ending; } endings[] = {
  { "anerinnen", ENDING_PERSON }, { "anerin", ENDING_PERSON }, { "erinnen", ENDING_PERSON },
  { "rinnen", ENDING_PERSON }, { "anern", ENDING_INHABITANT }, { "aners", ENDING_INHABITANT },
  { "aner", ENDING_INHABITANT }, { "erin", ENDING_PERSON }, { "rin", ENDING_PERSON },
  { "ers", ENDING_INHABITANT }, { "ern", ENDING_INHABITANT }, { "er", ENDING_INHABITANT },
  { "rs", ENDING_INHABITANT }, { "r", ENDING_INHABITANT }, { "es", ENDING_GENITIVE },
  { "s", ENDING_GENITIVE },
};

/* Finds the name that tokens @from to @to - 1 spell, with an ending on the
 * last. */
static const Name *
lookup (const char *text,
        GArray     *tokens,
        guint       from,
        guint       to,
        Ending     *ending)
{
  GHashTable *names = get_names ();
  char buffer[128];
  g_autofree char *heap = NULL;
  char *key = buffer;
  gsize len = 0;
  const Name *name;

  /* The key is built on the stack: this runs for every capitalised word. */
  for (guint i = from; i < to; i++)
    len += (i > from) + (gsize) (g_array_index (tokens, Token, i).end - g_array_index (tokens, Token, i).start);
  if (len >= sizeof buffer)
    key = heap = g_malloc (len + 1);
  len = 0;
  for (guint i = from; i < to; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);

      if (i > from)
        key[len++] = ' ';
      memcpy (key + len, text + t->start, t->end - t->start);
      len += t->end - t->start;
    }
  key[len] = '\0';

  *ending = ENDING_NONE;
  if ((name = g_hash_table_lookup (names, key)) != NULL)
    return name->kind == NAME_DEMONYM ? (*ending = ENDING_INHABITANT, name) : name;

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      gsize slen = strlen (endings[i].suffix);

      if (len > slen + 2 && memcmp (key + len - slen, endings[i].suffix, slen) == 0)
        {
          key[len - slen] = '\0';
          name = g_hash_table_lookup (names, key);
          key[len - slen] = endings[i].suffix[0];
          /* Common words take no endings: "Lager" is no inhabitant of Lage. */
          if (name != NULL && name->kind != NAME_WEAK && name->kind != NAME_MEAL)
            {
              *ending = endings[i].ending;
              return name;
            }
        }
    }

  return NULL;
}

/* Roles -------------------------------------------------------------------- */

static gboolean
word_in (const char  *word,
         const char **list)
{
  for (guint i = 0; list[i]; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

static const char *street_words[] = {
  "Straße", "Str", "Strasse", "Weg", "Allee", "Platz", "Ring", "Damm", "Chaussee", "Landstraße",
  "Tor", "Wall", "Gasse", "Ufer", NULL
};
static const char *building_words[] = {
  "Arkaden", "Galerie", "Center", "Arena", "Passage", "Carré", "Forum", "Bahnhof", "Hauptbahnhof",
  "Messe", "Flughafen", "Airport", "Halle", "Park", "Stadion", "Zoo", "Pass", "Ticket", NULL
};
static const char *articles[] = {
  "das", "dem", "den", "des", "ein", "einem", "einen", "eines", "beim", "zum", "vom", "am", "im",
  "gemeinsames", "gemeinsamen", "gemeinsamem", "leckeres", "warmes", "gutes", "kein", "ihr", "sein",
  "unser", NULL
};
static const char *institutions[] = {
  "Integrationszentrum", "Integrationszentrums", "KI", "KIZ", "Kreis", "Kreises", "Stadt",
  "Kreisstadt", "Gemeinde", "Städteregion", "StädteRegion", NULL
};
static const char *place_prepositions[] = { "in", "nach", "Stadt", "Gemeinde", "Kreisstadt", NULL };
/* Words before a town name that make it a place, not a qualified noun:
 * "in Essen", "nach Essen", "ganz Essen", "und Essen". */
static const char *place_words[] = {
  "in", "nach", "aus", "von", "für", "bei", "um", "bis", "über", "durch", "gegen", "zwischen", "und",
  "oder", "sowie", "wie", "zu", "ab", "vor", "neben", "an", "auf", "ganz", "als", "im", "am", NULL
};
/* What may stand between "aus" and a name: "aus der benachbarten Stadt". */
static const char *determiners[] = {
  "der", "dem", "den", "des", "die", "das", "ein", "einem", "einer", "eines", NULL
};
static const char *person_words[] = { "gebürtige", "gebürtiger", "gebürtigen", "geborene", "gebürtig", NULL };
static const char *list_words[] = { "und", "sowie", "oder", NULL };

/* Text between two tokens holds only commas and spaces. */
static gboolean
only_separators (const char *text,
                 int         start,
                 int         end)
{
  for (int i = start; i < end; i++)
    if (text[i] != ',' && text[i] != ' ')
      return FALSE;
  return TRUE;
}

static gboolean
is_lower (const char *word)
{
  return g_unichar_islower (g_utf8_get_char (word));
}

/* An article, an adjective or an institution: "der", "benachbarten",
 * "Kreis". */
static gboolean
is_filler (const char *word)
{
  if (word_in (word, determiners) || word_in (word, institutions))
    return TRUE;
  return is_lower (word) && !word_in (word, place_words) && strlen (word) > 3 &&
         (g_str_has_suffix (word, "en") || g_str_has_suffix (word, "em") || g_str_has_suffix (word, "er") ||
          g_str_has_suffix (word, "es") || g_str_has_suffix (word, "e"));
}

/* The role of the name at tokens @from to @to - 1. */
static Role
role_of (const char *text,
         GArray     *tokens,
         guint       from,
         guint       to,
         Ending      ending,
         const Hit  *previous,
         guint       previous_end)
{
  g_autofree char *prev = from > 0 ? token_text (text, tokens, from - 1) : NULL;
  g_autofree char *next = to < tokens->len ? token_text (text, tokens, to) : NULL;

  if (ending == ENDING_PERSON)
    return ROLE_PERSON;
  if (prev != NULL && word_in (prev, person_words))
    return ROLE_PERSON;
  if (ending == ENDING_INHABITANT)
    {
      if (next != NULL && word_in (next, street_words))
        return ROLE_STREET;
      /* "Coesfelder Integrationszentrum"; "die Kölner" are people. */
      if (next != NULL && !is_lower (next) && !word_in (next, list_words))
        return ROLE_ADJECTIVE;
      return ROLE_PERSON;
    }

  /* "Auf dem Weg zu einem Termin in Wuppertal", "auf dem Rückweg nach
   * Bonn": passed through, not visited. */
  for (guint back = 1; back <= 6 && back + 2 <= from; back++)
    {
      Token *t = &g_array_index (tokens, Token, from - back);
      g_autofree char *word = token_text (text, tokens, from - back);

      if (strspn (text + t->end, " ") != (gsize) ((t + 1)->start - t->end))
        break;
      if (g_str_equal (word, "Weg") || g_str_equal (word, "Rückweg") || g_str_equal (word, "Hinweg"))
        {
          g_autofree char *article = token_text (text, tokens, from - back - 1);
          g_autofree char *preposition = token_text (text, tokens, from - back - 2);

          if (g_str_equal (article, "dem") && g_ascii_strcasecmp (preposition, "auf") == 0)
            return ROLE_MENTION;
          break;
        }
    }

  /* "aus Bonn", "aus dem Kreis Kleve", "aus der benachbarten Stadt Essen". */
  for (guint back = 1; back <= 4 && back <= from; back++)
    {
      g_autofree char *word = token_text (text, tokens, from - back);

      /* "Aus dem benachbarten Kreis Steinfurt …" at a sentence's start too. */
      if (g_str_equal (word, "aus") || (from - back == 0 && g_str_equal (word, "Aus")))
        return ROLE_ORIGIN;
      if (!is_filler (word))
        break;
    }

  /* "aus Köln, Essen und Bielefeld", "aus Leverkusen und dem Kreis
   * Mettmann": the list goes on. */
  if (previous != NULL && previous->role == ROLE_ORIGIN && previous_end <= from && previous_end + 4 >= from)
    {
      gboolean list = TRUE;

      /* Only commas and spaces between the words; a list word first. */
      for (guint i = previous_end; i <= from && list; i++)
        {
          Token *t = &g_array_index (tokens, Token, i);
          g_autofree char *word = i < from ? token_text (text, tokens, i) : NULL;

          list = only_separators (text, (t - 1)->end, t->start) &&
                 (i == from || (i == previous_end ? word_in (word, list_words) : is_filler (word)));
        }
      if (list)
        return ROLE_ORIGIN;
    }

  return ROLE_PLACE;
}

/* Whether a hyphenated word starting with a name is a building
 * ("Aachen-Arkaden") rather than a quarter ("Köln-Mülheim"). */
static gboolean
is_building (const char *word)
{
  const char *hyphen = strrchr (word, '-');

  return hyphen != NULL && word_in (hyphen + 1, building_words);
}

/* Adds the names of @sentence to @hits. */
static void
scan_sentence (GArray     *hits,
               const char *text,
               guint       sentence)
{
  g_autoptr(GArray) tokens = (get_names (), tokenize (text));
  const Hit *previous = NULL;
  guint previous_end = 0;

  for (guint i = 0; i < tokens->len;)
    {
      const Name *name = NULL;
      Ending ending = ENDING_NONE;
      guint n = 0;
      Hit hit = { 0 };
      g_autofree char *prev = NULL;
      g_autofree char *word = NULL;

      /* Names start with a capital (looked at before any copy is made:
       * most words are not names). */
      if (!g_unichar_isupper (g_utf8_get_char (text + g_array_index (tokens, Token, i).start)))
        {
          i++;
          continue;
        }
      prev = i > 0 ? token_text (text, tokens, i - 1) : NULL;
      word = token_text (text, tokens, i);
      /* Longer names first, and only those that start with this word. */
      for (n = g_hash_table_contains (multiword_starts, word) ? MIN (4, tokens->len - i) : 1; n >= 1; n--)
        if ((name = lookup (text, tokens, i, i + n, &ending)) != NULL)
          break;

      /* "Köln-Mülheim", "Aachen-Arkaden": the first part of a compound. */
      if (name == NULL && strchr (word, '-') != NULL)
        {
          g_autofree char *first = g_strndup (word, strchr (word, '-') - word);
          const Name *part = g_hash_table_lookup (get_names (), first);

          if (part != NULL && part->kind != NAME_WEAK && part->kind != NAME_MEAL)
            {
              hit.centre = part->centre;
              hit.kind = part->kind;
              hit.role = is_building (word) ? ROLE_BUILDING : ROLE_PLACE;
              hit.sentence = sentence;
              hit.offset = g_array_index (tokens, Token, i).start;
              g_array_append_val (hits, hit);
              previous = &g_array_index (hits, Hit, hits->len - 1);
              previous_end = i + 1;
            }
          i++;
          continue;
        }

      if (name == NULL)
        {
          i++;
          continue;
        }

      /* "an dem internationalen Essen", "syrisches Essen": a meal. */
      if (name->kind == NAME_MEAL && n == 1 && prev != NULL &&
          (word_in (prev, articles) || (is_lower (prev) && !word_in (prev, place_words))))
        {
          i += n;
          continue;
        }
      /* "Lage", "Senden": only "in Lage", "nach Senden". */
      if (name->kind == NAME_WEAK && n == 1 && (prev == NULL || !word_in (prev, place_prepositions)))
        {
          i += n;
          continue;
        }

      hit.centre = name->centre;
      hit.kind = name->kind;
      hit.sentence = sentence;
      hit.offset = g_array_index (tokens, Token, i).start;
      hit.role = role_of (text, tokens, i, i + n, ending, previous, previous_end);
      hit.after_stadt = prev != NULL && g_str_equal (prev, "Stadt");
      /* "Integrationszentrum Dortmund", or a name that holds its
       * institution ("Stadt Aachen", "Kreis Lippe"). */
      hit.after_institution = (prev != NULL && word_in (prev, institutions)) ||
                              (n > 1 && word_in (word, institutions));
      g_array_append_val (hits, hit);
      previous = &g_array_index (hits, Hit, hits->len - 1);
      previous_end = i + n;
      i += n;
    }
}

/* Sentences ---------------------------------------------------------------- */

static const char *abbreviations[] = {
  "Dr", "Str", "St", "Nr", "bzw", "ca", "Prof", "z", "B", "u", "a", "v", "l", "r", "Tel", "Abs",
  "Jan", "Feb", "Febr", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez", "Hr", "Fr", NULL
};

/* Splits a line into sentences: at ".", "!" or "?" before a space and a
 * capital, not after day numbers ("16. Mai") or abbreviations. */
static void
split_sentences (GPtrArray  *sentences,
                 const char *line,
                 guint       line_number,
                 Position    position)
{
  const char *start = line;

  for (const char *p = line; *p; p++)
    {
      const char *after = p + 1;
      const char *word = p;
      gboolean split;

      if ((*p != '.' && *p != '!' && *p != '?') || (*after != ' ' && *after != '\0'))
        continue;
      while (*after == ' ')
        after++;
      if (*after == '\0')
        continue;
      split = g_unichar_isupper (g_utf8_get_char (after)) || *after == '"' || g_str_has_prefix (after, "„");
      if (split && *p == '.')
        {
          g_autofree char *w = NULL;

          while (word > line && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (word))))
            word = g_utf8_prev_char (word);
          w = g_strndup (word, p - word);
          if ((strlen (w) <= 2 && g_ascii_isdigit (w[0])) || word_in (w, abbreviations))
            split = FALSE;
        }
      if (split)
        {
          Sentence *s = g_new0 (Sentence, 1);

          s->text = g_strstrip (atlas_detect_strndup (start, p + 1 - start));
          s->position = position;
          s->line = line_number;
          g_ptr_array_add (sentences, s);
          start = after;
        }
    }

  if (*start != '\0')
    {
      Sentence *s = g_new0 (Sentence, 1);

      s->text = g_strstrip (atlas_detect_strndup (start, strlen (start)));
      s->position = position;
      s->line = line_number;
      g_ptr_array_add (sentences, s);
    }
}

static void
sentence_free (gpointer data)
{
  Sentence *s = data;

  g_free (s->text);
  g_free (s);
}

typedef enum {
  PATTERN_CAPTION,
  PATTERN_ADDRESS,
  PATTERN_STATEWIDE,
  PATTERN_STATE_SOURCE,
  PATTERN_STAEDTEREGION,
  PATTERN_EXAMPLE,
  PATTERN_SCHEDULE,
  N_PATTERNS
} PatternId;

static const char *patterns[N_PATTERNS] = {
  "^\\(?(?:Foto|Fotos|Bild|Bildunterschrift|Quelle)\\b|\\((?:Foto|Bild)\\b|Fotograf",
  "\\b\\d{5}\\s+\\p{Lu}|(?:Str\\.|[Ss]traße)\\s*\\d",
  "Nordrhein-Westfalen|\\bNRW\\b|landesweit|Landesregierung|alle\\s+54",
  "Ministerium|Landesregierung|Staatskanzlei",
  "Städte[Rr]egion",
  "\\b(?:Beispiele[n]?\\b|Beispiel\\s+wie|zum\\s+Beispiel|beispielsweise|(?:[Ww]ie\\s+)?etwa\\s+(?:in|im|bei|beim|die|der|das)|"
  "(?:Projekte|Angebote|Initiativen|Orte|Städte|Kommunen|Kreise|Programme|Modelle)\\s+wie)\\b",
  "^(?:ab\\s+)?\\d{1,2}(?:[.:]\\d{2})?\\s*(?:Uhr\\b|[-–:])|^\\d{1,2}[.:]\\d{2}\\b",
};

/* Five digits in a row (\d with (*UCP) is any decimal digit). */
static gboolean
has_five_digits (const char *text)
{
  int run = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gboolean digit = (guchar) *p < 0x80 ? g_ascii_isdigit (*p) : g_unichar_isdigit (g_utf8_get_char (p));

      run = digit ? run + 1 : 0;
      if (run == 5)
        return TRUE;
    }
  return FALSE;
}

/* Whether @text can match the pattern at all: every match of it holds one
 * of these words. A look for them costs far less than the pattern, and
 * most lines and texts have none. */
static gboolean
may_match (PatternId   id,
           const char *text)
{
  switch (id)
    {
    case PATTERN_CAPTION:
      return strstr (text, "Foto") != NULL || strstr (text, "Bild") != NULL || strstr (text, "Quelle") != NULL;
    case PATTERN_ADDRESS:
      return strstr (text, "Str.") != NULL || strstr (text, "traße") != NULL || has_five_digits (text);
    case PATTERN_STAEDTEREGION:
      return strstr (text, "Städte") != NULL;
    case PATTERN_EXAMPLE:
      return strstr (text, "eispiel") != NULL || strstr (text, "etwa") != NULL || strstr (text, " wie ") != NULL;
    case PATTERN_SCHEDULE:
      return g_ascii_isdigit (text[0]) || g_str_has_prefix (text, "ab ");
    case PATTERN_STATEWIDE:
    case PATTERN_STATE_SOURCE:
    case N_PATTERNS:
    default:
      return TRUE;
    }
}

/* Compiled once per process, shared by import threads (GRegex is
 * immutable and thread-safe). @start: (out) (optional): where the first
 * match starts. */
static gboolean
match_at (PatternId   id,
          const char *text,
          int        *start)
{
  g_autoptr(GMatchInfo) match = NULL;
  static gsize initialized = 0;
  static GRegex *regexes[N_PATTERNS];

  if (!may_match (id, text))
    return FALSE;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < N_PATTERNS; i++)
        {
          g_autofree char *pattern = g_strconcat ("(*UCP)", patterns[i], NULL);

          /* JIT-compiled: see ATLAS_DETECT_SLACK. */
          regexes[i] = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
          /* The patterns are ours; a broken one is a programming error. */
          g_assert (regexes[i] != NULL);
        }
      g_once_init_leave (&initialized, 1);
    }
  if (!g_regex_match (regexes[id], text, 0, &match))
    return FALSE;
  if (start != NULL)
    g_match_info_fetch_pos (match, 0, start, NULL);
  return TRUE;
}

static gboolean
matches (PatternId   id,
         const char *text)
{
  return match_at (id, text, NULL);
}

/* The title, then each line of the body with its position. */
static GPtrArray *
read_sentences (const char *title,
                const char *body)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (sentence_free);
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  gboolean lead_seen = FALSE;

  split_sentences (sentences, title, 0, POSITION_TITLE);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = g_strstrip (atlas_detect_strndup (lines[i], strlen (lines[i])));
      Position position;

      if (*line == '\0')
        continue;
      /* Captions and address lines are short; paragraphs need no look. */
      if (strlen (line) <= 300 && matches (PATTERN_CAPTION, line))
        position = POSITION_CAPTION;
      else if (strlen (line) <= 300 && matches (PATTERN_ADDRESS, line))
        position = POSITION_ADDRESS;
      else if (!lead_seen && (g_utf8_strlen (line, -1) <= 60 && !g_str_has_suffix (line, ".")))
        position = POSITION_DATELINE;
      else if (!lead_seen)
        {
          position = POSITION_LEAD;
          lead_seen = TRUE;
        }
      else
        position = POSITION_BODY;
      {
        guint first = sentences->len;
        gboolean schedule = matches (PATTERN_SCHEDULE, line);

        split_sentences (sentences, line, i + 1, position);
        for (guint k = first; k < sentences->len; k++)
          ((Sentence *) sentences->pdata[k])->schedule = schedule;
      }
    }

  return sentences;
}

/* Detection ---------------------------------------------------------------- */

typedef struct {
  const char *centre;
  double score;
  double best_weight;
  guint best_sentence;
  guint first_sentence;
  gboolean subject;
  gboolean visited_by_name;  /* named with its institution after a visit verb */
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

/* The surnames of the officials named with their office: after
 * "Staatssekretärin Miriam Kaltenbach", "Kaltenbach" alone is her. */
static GStrv
official_surnames (const char *text)
{
  g_autofree char *visitors = atlas_detect_visitors (text);
  g_auto(GStrv) names = *visitors ? g_strsplit (visitors, "; ", -1) : g_new0 (char *, 1);
  GStrv surnames = g_new0 (char *, g_strv_length (names) + 1);

  for (guint i = 0; names[i]; i++)
    {
      const char *space = strrchr (names[i], ' ');

      surnames[i] = g_strdup (space ? space + 1 : names[i]);
    }
  return surnames;
}

static gboolean
names_surname (const char *text,
               GStrv       surnames)
{
  for (guint i = 0; surnames != NULL && surnames[i]; i++)
    {
      gsize len = strlen (surnames[i]);

      /* A whole word: "Kaltenbach", not "Kaltenbacher". */
      for (const char *at = strstr (text, surnames[i]); at != NULL; at = strstr (at + len, surnames[i]))
        if ((at == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at)))) &&
            !g_unichar_isalnum (g_utf8_get_char (at + len)))
          return TRUE;
    }
  return FALSE;
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
  gboolean visit_to_subject = FALSE, any_visit = FALSE;
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
    surnames = official_surnames (all);
  statewide = matches (PATTERN_STATEWIDE, all) || matches (PATTERN_STATE_SOURCE, source);
  in_staedteregion = matches (PATTERN_STAEDTEREGION, all) || matches (PATTERN_STAEDTEREGION, source);
  source_mulheim = strstr (source, "Mülheim") != NULL;

  sentences = read_sentences (title, body);
  for (guint i = 0; i < sentences->len; i++)
    {
      Sentence *s = sentences->pdata[i];
      Sentence *previous = i > 0 ? sentences->pdata[i - 1] : NULL;
      guint before = hits->len;

      s->names_official = official && (atlas_detect_names_official (s->text) || names_surname (s->text, surnames));
      s->visit = atlas_detect_visit_sentence (s->text, official, s->names_official,
                                              previous != NULL && previous->names_official,
                                              &s->verb_offset);
      scan_sentence (hits, s->text, i);

      /* State-wide events and stops to come name places, not the subject. */
      if (s->visit == ATLAS_VISIT_SENTENCE_RECALLED || (strstr (s->text, "landesweit") != NULL || strstr (s->text, "NRW-weit") != NULL))
        for (guint h = before; h < hits->len; h++)
          g_array_index (hits, Hit, h).role = ROLE_MENTION;

      /* "Projekte wie die Lesepaten in Bottrop", "Gute Beispiele gibt es
       * etwa in Moers": examples, outside a visit sentence, are no
       * subject. */
      if (s->visit == ATLAS_VISIT_SENTENCE_NONE && hits->len > before &&
          match_at (PATTERN_EXAMPLE, s->text, &example))
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

/* An office, then the name: "Staatssekretärin Serap Güler",
 * "Die Staatssekretärin für Integration, Serap Güler". The offices are
 * found inside compounds ("Staatsministerin", "Integrationsministerin")
 * without a leading \w*, which would make PCRE2 backtrack over every
 * word. */
static const char *visitor_pattern =
  "(*UCP)(?:Ministerpräsident(?:in)?|[Ss]taatssekretär(?:in)?|[Mm]inister(?:in)?)(?:\\s+für\\s+\\w+)?,?\\s+"
  "((?:Dr\\.\\s+)?\\p{Lu}[\\w-]+\\s+\\p{Lu}[\\w-]+)";

static GRegex *
get_visitor_regex (void)
{
  static gsize initialized = 0;
  static GRegex *regex;

  if (g_once_init_enter (&initialized))
    {
      regex = g_regex_new (visitor_pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_once_init_leave (&initialized, 1);
    }
  return regex;
}

/* The next place in @text where an office of visitor_pattern may stand. */
static const char *
next_office (const char *text)
{
  const char *secretary = strstr (text, "taatssekretär");
  const char *minister = strstr (text, "inister");

  if (secretary == NULL)
    return minister;
  if (minister == NULL)
    return secretary;
  return MIN (secretary, minister);
}

/**
 * atlas_detect_visitors:
 * @text: title and body
 *
 * Finds the officials named with their office ("Staatssekretärin Serap
 * Güler", "Staatsministerin Annette Widmann-Mauz").
 *
 * Returns: (transfer full): their names, "; "-separated, in order of
 *   first mention; "" when none
 */
char *
atlas_detect_visitors (const char *text)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *office;
  int from = 0;

  if (text == NULL)
    return g_strdup ("");

  /* Every match of the pattern starts at the beginning of a word that
   * holds "taatssekretär" or "inister" (all its offices do). Running it
   * only from the word of the next such occurrence finds the same matches
   * as running it over the whole text, at a fraction of the cost: the
   * pattern cannot skip ahead by itself (each word start is a try). */
  while ((office = next_office (text + from)) != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *name = NULL;
      const char *start = office;
      gboolean seen = FALSE;
      int end = 0;

      /* Back to the space before the word: no match can start in
       * between that the occurrence does not belong to. */
      while (start > text + from && !g_ascii_isspace (start[-1]))
        start--;
      if (!g_regex_match_full (get_visitor_regex (), text, -1, start - text, 0, &match, NULL))
        break;

      name = g_match_info_fetch (match, 1);
      g_match_info_fetch_pos (match, 0, NULL, &end);
      for (guint i = 0; i < names->len; i++)
        if (g_str_equal (names->pdata[i], name))
          seen = TRUE;
      if (!seen)
        g_ptr_array_add (names, g_steal_pointer (&name));
      from = end;
    }

  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **) names->pdata);
}
