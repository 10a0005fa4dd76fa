/* atlas-detect-places.c: the names of places in a sentence, and their roles
 *
 * The names, their endings and the roles a name plays (see atlas-detect.c);
 * what a sentence names goes to the detection as Hits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-detect.h"
#include "atlas-detect-private.h"
#include "atlas-gazetteer.h"

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

typedef struct {
  int start, end;  /* bytes */
} Token;

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
  if (atlas_detect_word_in (word, determiners) || atlas_detect_word_in (word, institutions))
    return TRUE;
  return is_lower (word) && !atlas_detect_word_in (word, place_words) && strlen (word) > 3 &&
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
  if (prev != NULL && atlas_detect_word_in (prev, person_words))
    return ROLE_PERSON;
  if (ending == ENDING_INHABITANT)
    {
      if (next != NULL && atlas_detect_word_in (next, street_words))
        return ROLE_STREET;
      /* "Coesfelder Integrationszentrum"; "die Kölner" are people. */
      if (next != NULL && !is_lower (next) && !atlas_detect_word_in (next, list_words))
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
                 (i == from || (i == previous_end ? atlas_detect_word_in (word, list_words) : is_filler (word)));
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

  return hyphen != NULL && atlas_detect_word_in (hyphen + 1, building_words);
}

/* Adds the names of @sentence to @hits. */
void
atlas_detect_scan_sentence (GArray     *hits,
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
          (atlas_detect_word_in (prev, articles) || (is_lower (prev) && !atlas_detect_word_in (prev, place_words))))
        {
          i += n;
          continue;
        }
      /* "Lage", "Senden": only "in Lage", "nach Senden". */
      if (name->kind == NAME_WEAK && n == 1 && (prev == NULL || !atlas_detect_word_in (prev, place_prepositions)))
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
      hit.after_institution = (prev != NULL && atlas_detect_word_in (prev, institutions)) ||
                              (n > 1 && atlas_detect_word_in (word, institutions));
      g_array_append_val (hits, hit);
      previous = &g_array_index (hits, Hit, hits->len - 1);
      previous_end = i + n;
      i += n;
    }
}
