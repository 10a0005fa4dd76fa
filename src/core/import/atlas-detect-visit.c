/* atlas-detect-visit.c: whether a sentence reports a visit, and its day
 *
 * A visit sentence has a visit expression: nouns and compounds
 * ("Besuch", "Ministerbesuch", "Stippvisite", "Visite", "Abstecher",
 * "Zwischenstopp", "Station", "Sommertour", "Rundgang"), verbs
 * ("besuchte", "besichtigte", "informierte sich", "kamen nach", "trafen
 * sich", "traf … das Team", "verbrachte", "hospitierte", "schaute vorbei",
 * "empfing", "eröffnete", also first in the sentence: "Eröffnet hat sie
 * …", "kam und …") and idioms ("führte ihr Weg in", "machte sich ein
 * Bild", "verschaffte sich einen Eindruck", "nahm sich Zeit für", "ließ
 * sich … zeigen", "stattete einen Besuch ab", "war Ehrengast", "war …
 * dabei", "Mit dabei war", "Mit von der Partie", "unter den Gästen", "erfuhr … aus erster Hand"), the parts
 * of a separable verb or the verb and its place up to a clause apart.
 * Expressions that alone say nothing of a visit need the official in the
 * sentence, or a pronoun for the official of the sentence before and the
 * centre named. Its venue decides whose visit it is: the centre (or a
 * meeting it hosts), another venue (a Jobcenter, a reception centre, a
 * town hall, a school, a club, a museum, a party event: not a visit to the
 * centre, nor is it where the centre is only the venue's partner: "das
 * Jobcenter, das mit dem KI zusammenarbeitet"), or a place with no venue
 * named. The centre's own staff visiting ("Der Leiter des KI hat … das
 * Jobcenter besucht") is no visit to the centre. Telling the official
 * something at the centre ("erzählte sie der Ministerin im KI") is a
 * visit. Visits recalled from the past
 * ("im vergangenen Jahr") and stops still to come ("Weitere Stationen")
 * are no news.
 *
 * The day is the date nearest to the visit expression in the same
 * sentence, leaving out periods, deadlines and opening hours ("noch bis
 * zum 13. April", "seit dem 1. Januar", "ab dem 3. April"); a weekday
 * alone is the latest such day on or before the publication day, or the
 * next one for an announcement ("wird … besuchen"); a future or passive
 * word in a relative clause that does not hold the visit verb ("hat … das
 * Programm besucht, das vom KI begleitet wird") announces nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atlas-detect-private.h"

#define WEEKDAYS "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
#define MONTHS "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|" \
               "Jan\\.|Feb\\.|Febr\\.|Mrz\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\."

/* Where a coming or going leads: "nach Delbrück", not "nach dem Gespräch"
 * or "nach langen Beratungen". */
#define TO_PLACE "nach\\s+(?!de[mnr]\\b|eine[mnr]?\\b)\\p{Lu}[\\w-]*|ins|in\\s+(?:den|die|das)"

/* Meeting or welcoming a decision is no visit: "traf die Entscheidung",
 * "begrüßte den Beschluss". */
#define NOT_A_MATTER "(?!.{0,60}?\\b(?:Entscheidung|Vereinbarung|Regelung|Absprache|Auswahl|Beschluss|Initiative|Vorschlag|Pläne|"\
  "Zusammenarbeit|Kooperation)\\b)"

/* Strong expressions say "visit" whoever the subject; weak ones (being
 * somewhere, coming, meeting, taking time, being shown, opening) are visits
 * only when the sentence names the official or, by a pronoun, continues
 * the sentence before that names them; talking (spoke, discussed,
 * listened) only when the sentence names the official at the centre. A
 * separable verb's particle or a verb's place may stand far from it: the
 * gaps span most of a clause. */
static const char *visit_pattern =
  "(*UCP)(?:(?<strong>[Bb]esuch(?:t|te|ten|test|en|e|s)?(?!\\w)|Besuchs(?:tag|termin|programm|reise)(?!\\w)|"
  "\\b(?:Stippvisite|Visite|Kurzbesuch|Zwischenstopp|Zwischenhalt|Abstecher|zu\\s+Gast|Station|Halt\\s+(?:in|im|bei|beim)|"
  "informiert(?:e|en)?\\s+sich|sich\\b.{0,100}?\\b(?:informiert|ausgetauscht)|"
  "(?:ist|sind)\\b.{0,60}?\\bgekommen|ha(?:t|ben)\\b.{0,80}?\\bgetroffen|"
  "mach(?:t|te|ten)\\s+sich\\b.{0,80}?\\bein\\s+Bild|[Ee]in\\s+Bild\\s+(?:von|vom|über)|"
  "führte\\b.{0,60}?\\bWeg|Weg\\s+führte|"
  "(?:verschaff|mach)(?:t|te|ten)\\s+sich\\b.{0,80}?\\beinen\\s+(?:Eindruck|Überblick)|"
  "[Ee]inen\\s+(?:Eindruck|Überblick)\\s+(?:von|vom|über)|"
  "schaut(?:e|en)?\\b.{0,120}?\\bvorbei|statte(?:t|te|ten)\\b.{0,120}?\\bBesuch|"
  "besichtigt(?:e|en)?|hospitiert(?:e|en)?|tauscht(?:e|en)?\\s+sich|"
  "vorbeigeschaut|vorbeigekommen|hereingeschaut|reingeschaut|Ortstermin|Vor-Ort-Termin|mach(?:t|te|ten)\\b.{0,120}?\\bHalt|"
  "Sommertour|Herbsttour|Frühjahrstour|Integrationstour|Informationstour|Tour\\s+durch|"
  "Sommerreise|Informationsreise|Rundreise)(?!\\w))|"
  "(?<weak>\\b(?:[Ee]mpf(?:ing|ängt|angen)|[Bb]egrüßt(?:e|en)?" NOT_A_MATTER "|nahm(?:en)?\\b.{0,120}?\\bteil|"
  "war(?:en)?\\b.{0,60}?\\b(?:beim|bei\\s+de[rmn]|im|in|vor\\s+Ort|(?:mit\\s+)?dabei)|"
  "(?:erf(?:uhr|uhren|ährt)|holte(?:n)?\\s+sich)\\b.{0,120}?\\baus\\s+erster\\s+Hand|[Aa]us\\s+erster\\s+Hand|"
  "(?:ging|reiste|fuhr)\\b.{0,120}?\\b(?:" TO_PLACE "|zum|zur)|"
  "(?:kam(?:en)?|komm(?:t|en))\\b.{0,150}?\\b(?:" TO_PLACE "|vorbei)|"
  "kam(?:en)?(?=\\s*(?:[.;]|,\\s*(?:um|als)\\b|und\\b))|"
  "tr(?:af|afen|ifft|effen)" NOT_A_MATTER "|n(?:ahm|ahmen|immt)\\s+sich\\b.{0,150}?\\bZeit|verbr(?:achte|achten|ingt)|"
  "ließ(?:en)?\\s+sich\\b.{0,150}?\\b(?:zeigen|erklären|erläutern|vorstellen|präsentieren|schildern|berichten)|"
  "folgt(?:e|en)?\\b.{0,80}?\\bEinladung|Einladung\\b.{0,80}?\\bfolgt(?:e|en)?|such(?:t|te|ten)\\b.{0,120}?\\bauf|aufgesucht|"
  "weilte|in\\s+Augenschein|[Vv]or\\s+Ort\\s+(?:in|im|beim|bei)|kennen(?:zu)?lernen|kennengelernt|lernte\\b.{0,120}?\\bkennen|(?:warf|wirft|werfen)\\b.{0,80}?\\bBlick|"
  "Blick\\b.{0,120}?\\b(?:warf|wirft|werfen)|"
  "Einblick(?:e)?|hörte\\s+sich\\b.{0,150}?\\ban|Termin\\s+(?:im|in|bei|beim)|"
  "sich\\b.{0,150}?\\b(?:angesehen|angeschaut|überzeugt|(?:zeigen|erklären|erläutern|vorstellen)\\s+lassen)|"
  "(?:sah|sieht|schaute|schaut)\\s+sich\\b.{0,150}?\\ban|"
  "überzeugt(?:e|en)?\\s+sich|[Ee]röffnet(?:e|en)?|Rundgang|"
  "(?:[Mm]it|[Ee]benfalls|[Aa]uch)\\s+dabei\\s+(?:war|waren|ist|sind)|[Dd]abei\\s+(?:war|waren)\\s+auch|"
  "[Mm]it\\s+von\\s+der\\s+Partie|"
  "(?:Rund)?[Rr]eise\\s+durch|führt(?:e|en)?\\s+(?:sie|ihn|die\\s+\\w+|den\\s+\\w+)\\b.{0,100}?\\bdurch)(?!\\w)|"
  "(?:[Gg]ast|Gäste|Gästen)(?!\\w))|"
  "(?<talk>\\b(?:spr(?:ach|achen|icht)|diskutiert(?:e|en)?|unterhielt|redete|hörte\\b.{0,100}?\\bzu|"
  "stellte\\s+sich\\b.{0,60}?\\bFragen|[Ii]m\\s+Gespräch\\s+mit|"
  "(?:erzählt|berichtet|schildert|erklärt|zeigt|präsentiert|stellt)(?:e|en)\\b.{0,80}?\\b"
  "(?:der\\s+(?:Staatssekretärin|Ministerin)|dem\\s+(?:Staatssekretär|Minister)))(?!\\w)))";

/* Talking is a visit only at the centre: "Im Kommunalen
 * Integrationszentrum Bottrop sprach der Staatssekretär mit Müttern". */
static const char *at_centre_pattern =
  "(*UCP)\\b(?:[Ii]m|[Bb]eim|[Ii]n\\s+de[mn]|[Bb]ei\\s+de[mn])\\s+(?:\\p{Lu}[\\w-]*\\s+){0,2}"
  "(?:Integrationszentrum|KI\\b|KIZ\\b|Haus\\s+der\\s+Integration)";

/* Needed with the verbs that alone say nothing of a visit. */
static const char *official_pattern =
  "(*UCP)(?:[Ss]taatssekretär(?:in|innen|s)?|[Mm]inister(?:in|innen|s|präsident(?:in)?)?)(?!\\w)|Ministerbesuch";

static const char *recalled_pattern =
  "(*UCP)\\b(?:[Ii]m\\s+(?:vergangenen|letzten|vorigen)\\s+Jahr|[Ii]n\\s+den\\s+(?:letzten|vergangenen)\\s+Jahren|"
  "Vorjahr|[Dd]amals|früheren\\s+Jahren|[Vv]or\\s+\\w+\\s+Jahren)\\b";

/* Stops still to come: they name places, not the one visited. */
static const char *stops_pattern =
  "(*UCP)\\b(?:(?:[Ww]eitere|[Nn]ächste|[Kk]ommende|[Ff]olgende)\\s+Station(?:en)?|Stationen\\s+der\\s+Tour)\\b";

static const char *centre_pattern =
  "(*UCP)(?:Integrationszentr|\\bKIZ?\\b|\\bZentrum\\b|Haus\\s+der\\s+Integration)";

/* Venues that are not the centre: offices, housing, schools, firms,
 * clubs, places of worship, culture and remembrance, bodies and fairs. */
static const char *other_venue_pattern =
  "(*UCP)(?:Jobcenter|[Ee]rstaufnahme|[Uu]nterbringung|[Uu]nterkunft|[Ww]ohnheim|Flüchtlingsheim|"
  "Rathaus|Landtag|Ausländerbehörde|Arbeitsagentur|Agentur\\s+für\\s+Arbeit|Handwerkskammer|\\bIHK\\b|"
  "Polizei|Feuerwehr|Justizvollzug|\\bJVA\\b|[Kk]rankenhaus|[Kk]linik|Pflegeheim|Seniorenheim|Altenheim|"
  "\\bPartei|[Mm]oschee|[Ss]ynagoge|\\bKirche(?:n|ngemeinde)?\\b|Gemeindezentrum|"
  "[Uu]nternehmen|\\bFirma\\b|[Bb]etrieb\\b|[Ff]abrik|"
  "[Ss]chule\\b|Gymnasium|Berufskolleg|Universität|Akademie|\\bVHS\\b|"
  "\\bKita\\b|Kindertagesstätte|Kindergarten|Familienzentrum|Jugendzentrum|Jugendtreff|"
  "Mehrgenerationenhaus|Begegnungsstätte|[Vv]erein\\b|[Mm]useum|[Tt]heater|[Bb]ibliothek|[Bb]ücherei|"
  "(?:Schul|Kita|Firmen|Betriebs|Unternehmens|Museums|Moschee|Kirchen|Rathaus|Klinik|Krankenhaus|Partei)besuch|"
  "[Gg]edenkstätte|Integrationsrat|Integrationsbeirat|[Kk]ongress|Messe\\b|Goldene\\w*\\s+Buch)";

/* The centre's own staff: "Der Leiter des KI", "Mitarbeiterinnen des
 * Kommunalen Integrationszentrums", "Das Team des Integrationszentrums".
 * In a visit sentence without the official they are the ones visiting. */
static const char *staff_pattern =
  "(*UCP)\\b(?:Leiter(?:in|innen)?|Mitarbeiter(?:in|innen)?|Mitarbeitende[n]?|Team|Fachkräfte|Beschäftigte[n]?|"
  "Kolleg(?:en|innen))\\s+(?:des|der|vom)\\s+(?:\\p{Lu}[\\w-]*\\s+){0,2}(?:Integrationszentr\\w*|KIZ?\\b)";

/* The centre as a partner of another venue: "das Jobcenter, das eng mit
 * dem Kommunalen Integrationszentrum zusammenarbeitet". */
static const char *partner_pattern =
  "(*UCP)\\bmit\\s+(?:de[mr]\\s+)?(?:\\p{Lu}[\\w-]*\\s+){0,2}(?:Integrationszentr\\w*|KIZ?\\b)";

/* Where a relative clause starts: ", die vom KI begleitet wird", ", in
 * der künftig …", ", wo …", ", dessen …". */
static const char *relative_pattern =
  "(*UCP),\\s*(?:(?:in|an|auf|mit|von|bei|für|zu|aus|nach|über|unter)\\s+)?"
  "(?:der|die|das|dem|den|deren|dessen|denen|welche[rsmn]?|wo|wohin)\\b";

/* Taking part from afar: weak expressions and talk are then no visit. */
static const char *remote_pattern =
  "(*UCP)(?:per\\s+(?:Video|Telefon|Zoom)|zugeschaltet|Video(?:konferenz|schalte|botschaft|gruß)|"
  "Online-?(?:Konferenz|Treffen|Veranstaltung|Sitzung)|\\bonline\\s+(?:bei|beim|dabei)\\b|[Vv]irtuell|Livestream|"
  "Telefonat|telefonierte)";

/* A sentence that goes on about the official of the sentence before. */
static const char *pronoun_pattern = "(*UCP)\\b(?:[Ss]ie|[Ee]r|ihr|ihm|ihn)\\b";

/* A visit verb in the present tense: in a release's text (not its
 * headline) it announces the visit ("Am Donnerstag besucht die
 * Staatssekretärin …"); reports are in the past or perfect tense. */
static const char *present_pattern =
  "(*UCP)(?:besucht|kommt|kommen|trifft|treffen|informiert\\s+sich|informieren\\s+sich|macht|machen|"
  "schaut|schauen|tauscht|tauschen|nimmt|nehmen|empfängt|empfangen|begrüßt|begrüßen|eröffnet|eröffnen|"
  "verbringt|besichtigt|besichtigen|hospitiert|stattet|reist|fährt|ist\\s+zu\\s+Gast)(?!\\w)";

/* Past and perfect auxiliaries: "hat … besucht", "wurde … empfangen". */
static const char *past_pattern =
  "(*UCP)\\b(?:hat|haben|hatte|hatten|war|waren|wurde|wurden)\\b";

static const char *future_pattern =
  "(*UCP)\\b(?:wird|werden|will|wollen|möchte|möchten|soll|sollen|plant|geplant|vorgesehen|kommenden|nächsten|"
  "erwartet|erwarten|(?:kündigt(?:e|en)?\\b.{0,40}?\\ban|angekündigt)\\b.{0,150}?\\b(?:zu\\s+(?:besuchen|kommen|treffen)|vorbeizuschauen))\\b";

/* A visit verb in the past tense: the sentence reports the visit, whatever
 * it says of the future ("besuchte … und kündigte an, dass …"). */
static const char *past_verb_pattern =
  "(*UCP)(?:besuchten?|war(?:en)?|kam(?:en)?|traf(?:en)?|informierten?|machten?|schauten?|statteten?|empfing(?:en)?|"
  "begrüßten?|eröffneten?|verbrachten?|besichtigten?|hospitierten?|tauschten?|nahm(?:en)?|ließ(?:en)?|ging(?:en)?|"
  "reisten?|fuhr(?:en)?|überzeugten?|sah(?:en)?|folgten?|suchten?|weilten?|führten?|hörten?|sprach(?:en)?|"
  "diskutierten?|unterhielt(?:en)?|redeten?|warf(?:en)?|lernten?|verschafften?|erfuhr(?:en)?|holten?)(?!\\w)";

/* Weekday and date together first, so that "Donnerstag, 16. Januar" is one
 * date. */
static const char *date_pattern =
  "(*UCP)(?:(?:(?<wd1>" WEEKDAYS ")(?:,\\s*|\\s+)(?:den\\s+)?)?"
  "(?<day>\\d{1,2})\\.\\s*(?:(?<month>" MONTHS ")(?:\\s+(?<year>\\d{4}))?|(?<mnum>\\d{1,2})\\.(?<ynum>\\d{2,4})?)"
  "|\\b(?<rel>[Hh]eute|[Hh]eutigen|[Gg]estern|[Gg]estrigen|[Vv]orgestern|[Mm]orgen(?=\\s+\\p{Ll})|[Üü]bermorgen)\\b"
  "|\\b(?<wd2>" WEEKDAYS ")(?:vormittag|nachmittag|abend|mittag|morgen)?\\b)";

typedef enum {
  REGEX_VISIT,
  REGEX_OFFICIAL,
  REGEX_RECALLED,
  REGEX_STOPS,
  REGEX_CENTRE,
  REGEX_OTHER_VENUE,
  REGEX_PRONOUN,
  REGEX_AT_CENTRE,
  REGEX_REMOTE,
  REGEX_PRESENT,
  REGEX_PAST,
  REGEX_PAST_VERB,
  REGEX_FUTURE,
  REGEX_DATE,
  REGEX_STAFF,
  REGEX_PARTNER,
  REGEX_RELATIVE,
  N_REGEXES
} RegexId;

static GRegex *
get_regex (RegexId id)
{
  static gsize initialized = 0;
  static GRegex *regexes[N_REGEXES];

  if (g_once_init_enter (&initialized))
    {
      const char *patterns[N_REGEXES] = {
        visit_pattern, official_pattern, recalled_pattern, stops_pattern, centre_pattern,
        other_venue_pattern, pronoun_pattern, at_centre_pattern, remote_pattern, present_pattern,
        past_pattern, past_verb_pattern, future_pattern, date_pattern, staff_pattern, partner_pattern,
        relative_pattern,
      };

      for (guint i = 0; i < N_REGEXES; i++)
        {
          g_autoptr(GError) error = NULL;

          /* JIT-compiled: see ATLAS_DETECT_SLACK. */
          regexes[i] = g_regex_new (patterns[i], G_REGEX_OPTIMIZE, 0, &error);
          /* The patterns are ours; a broken one is a programming error. */
          g_assert_no_error (error);
        }
      g_once_init_leave (&initialized, 1);
    }

  return regexes[id];
}

/**
 * atlas_detect_names_official:
 *
 * Returns: %TRUE when @text names a state secretary or minister
 */
gboolean
atlas_detect_names_official (const char *text)
{
  return g_regex_match (get_regex (REGEX_OFFICIAL), text, 0, NULL);
}

/* Whether @sentence says the official took part from afar; asked once,
 * kept in @cache (-1: not asked yet). */
static gboolean
is_remote (const char *sentence,
           int        *cache)
{
  if (*cache < 0)
    *cache = g_regex_match (get_regex (REGEX_REMOTE), sentence, 0, NULL);
  return *cache;
}

/* Whether @sentence names the centre as where the visit goes: not only as
 * the partner of another venue ("das Jobcenter, das mit dem KI
 * zusammenarbeitet") when @other_venue. */
static gboolean
names_centre_as_venue (const char *sentence,
                       gboolean    other_venue)
{
  g_autoptr(GMatchInfo) centre = NULL;

  if (!g_regex_match (get_regex (REGEX_CENTRE), sentence, 0, &centre))
    return FALSE;
  if (!other_venue)
    return TRUE;
  for (; g_match_info_matches (centre); g_match_info_next (centre, NULL))
    {
      g_autoptr(GMatchInfo) partner = NULL;
      gboolean as_partner = FALSE;
      int at = 0;

      g_match_info_fetch_pos (centre, 0, &at, NULL);
      g_regex_match (get_regex (REGEX_PARTNER), sentence, 0, &partner);
      for (; g_match_info_matches (partner) && !as_partner; g_match_info_next (partner, NULL))
        {
          int start = 0, end = 0;

          g_match_info_fetch_pos (partner, 0, &start, &end);
          as_partner = start <= at && at < end;
        }
      if (!as_partner)
        return TRUE;
    }
  return FALSE;
}

/**
 * atlas_detect_visit_sentence:
 * @sentence: one sentence
 * @official_named: whether the release names a visiting official
 * @official_here: whether @sentence names them (by office or name)
 * @official_before: whether the sentence before names them
 * @verb_offset: (out): where the visit expression starts
 *
 * Returns: what @sentence says about a visit
 */
AtlasVisitSentence
atlas_detect_visit_sentence (const char *sentence,
                             gboolean    official_named,
                             gboolean    official_here,
                             gboolean    official_before,
                             int        *verb_offset)
{
  gboolean by_pronoun, weak_by_pronoun = FALSE;
  int remote = -1;
  gint start_position = 0;
  gboolean found = FALSE, strong_found = FALSE, other_venue;

  *verb_offset = 0;
  /* Every match of stops_pattern holds "Station"; most sentences have none. */
  if (strstr (sentence, "Station") != NULL && g_regex_match (get_regex (REGEX_STOPS), sentence, 0, NULL))
    return ATLAS_VISIT_SENTENCE_RECALLED;
  if (!official_named)
    return ATLAS_VISIT_SENTENCE_NONE;

  /* "Sie war danach beim Integrationszentrum": by a pronoun, a weak
   * expression is a visit to the centre only, not to a place. */
  by_pronoun = !official_here && official_before && g_regex_match (get_regex (REGEX_PRONOUN), sentence, 0, NULL);

  /* The first strong expression, a weak one with the official, or talk
   * with the official at the centre; one that does not count may hide
   * another inside its gap, so the search goes on from just after its
   * start. */
  while (!found)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *weak = NULL;
      g_autofree char *talk = NULL;
      int start = 0, end = 0;

      if (!g_regex_match_full (get_regex (REGEX_VISIT), sentence, -1, start_position, 0, &match, NULL))
        return ATLAS_VISIT_SENTENCE_NONE;
      g_match_info_fetch_pos (match, 0, &start, &end);
      weak = g_match_info_fetch_named (match, "weak");
      talk = g_match_info_fetch_named (match, "talk");
      weak_by_pronoun = FALSE;
      if (talk != NULL && *talk != '\0')
        found = official_here && !is_remote (sentence, &remote) &&
                g_regex_match (get_regex (REGEX_AT_CENTRE), sentence, 0, NULL);
      else if (weak != NULL && *weak != '\0')
        {
          found = (official_here || by_pronoun) && !is_remote (sentence, &remote);
          weak_by_pronoun = !official_here;
        }
      else
        found = strong_found = TRUE;

      if (found)
        *verb_offset = start;
      else
        start_position = g_utf8_next_char (sentence + start) - sentence;
    }

  /* A strong expression later in the sentence is its verb: "Auf dem Weg
   * zu einem Termin in Wuppertal hat sie beim Zentrum vorbeigeschaut". */
  if (!strong_found)
    {
      g_autoptr(GMatchInfo) match = NULL;

      start_position = g_utf8_next_char (sentence + *verb_offset) - sentence;
      g_regex_match_full (get_regex (REGEX_VISIT), sentence, -1, start_position, 0, &match, NULL);
      while (g_match_info_matches (match))
        {
          g_autofree char *strong = g_match_info_fetch_named (match, "strong");

          if (strong != NULL && *strong != '\0')
            {
              g_match_info_fetch_pos (match, 0, verb_offset, NULL);
              weak_by_pronoun = FALSE;
              break;
            }
          g_match_info_next (match, NULL);
        }
    }

  if (g_regex_match (get_regex (REGEX_RECALLED), sentence, 0, NULL))
    return ATLAS_VISIT_SENTENCE_RECALLED;
  /* "Der Leiter des KI hat am 6.1. das Jobcenter besucht", "Beim Besuch
   * in Hagen tauschte sich der Leiter des KI … aus": with no official in
   * the sentence (by name or pronoun), the centre's own staff are the ones
   * visiting, which is no visit to the centre. */
  if (!official_here && !by_pronoun && g_regex_match (get_regex (REGEX_STAFF), sentence, 0, NULL))
    return ATLAS_VISIT_SENTENCE_OTHER_VENUE;
  other_venue = g_regex_match (get_regex (REGEX_OTHER_VENUE), sentence, 0, NULL);
  if (names_centre_as_venue (sentence, other_venue))
    return ATLAS_VISIT_SENTENCE_CENTRE;
  if (weak_by_pronoun)
    return ATLAS_VISIT_SENTENCE_NONE;
  if (other_venue)
    return ATLAS_VISIT_SENTENCE_OTHER_VENUE;
  return ATLAS_VISIT_SENTENCE_PLACE;
}

/**
 * atlas_detect_visit_announced:
 * @sentence: a visit sentence of a release's text
 * @verb_offset: where its visit expression starts
 *
 * Returns: %TRUE when its visit verb is in the present tense, which in a
 *   release's text announces the visit
 */
gboolean
atlas_detect_visit_announced (const char *sentence,
                              int         verb_offset)
{
  return g_regex_match_full (get_regex (REGEX_PRESENT), sentence, -1, verb_offset, G_REGEX_MATCH_ANCHORED, NULL, NULL) &&
         !g_regex_match (get_regex (REGEX_PAST), sentence, 0, NULL);
}

/**
 * atlas_detect_publication_day:
 *
 * The day in Germany of @published.
 */
void
atlas_detect_publication_day (gint64  published,
                              GDate  *day)
{
  static gsize initialized = 0;
  static GTimeZone *berlin;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (published);
  g_autoptr(GDateTime) local = NULL;

  /* Looked up once: reading the zone file is most of the work. */
  if (g_once_init_enter (&initialized))
    {
      berlin = g_time_zone_new_identifier ("Europe/Berlin");
      if (berlin == NULL)
        berlin = g_time_zone_new_utc ();
      g_once_init_leave (&initialized, 1);
    }

  g_date_clear (day, 1);
  if (utc == NULL)
    {
      g_date_set_dmy (day, 1, 1, 1970);
      return;
    }
  local = g_date_time_to_timezone (utc, berlin);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

static int
month_number (const char *name)
{
  static const char *months[] = { "Jan", "Feb", "M", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez" };

  if (g_str_has_prefix (name, "Jä"))
    return 1;
  if (g_str_has_prefix (name, "Mai"))
    return 5;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_has_prefix (name, months[i]))
      return i + 1;
  return 0;
}

static GDateWeekday
weekday_number (const char *name)
{
  static const char *days[] = { "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag" };

  if (g_str_has_prefix (name, "Sonnabend"))
    return G_DATE_SATURDAY;
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (g_str_has_prefix (name, days[i]))
      return i + 1;
  return G_DATE_BAD_WEEKDAY;
}

/* Dates that bound a period or a deadline: "bis zum 13. April", "seit dem
 * 1. Januar", "ab dem 3. April", "vom 22. bis 29. September". */
static gboolean
bounds_a_period (const char *sentence,
                 int         start)
{
  static const char *bounds[] = { "bis", "seit", "ab", "vom", "von", "zum", "zur", "spätestens", "Frist" };
  g_autofree char *before = g_strndup (sentence, start);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (before), " \t\n,", -1);
  guint n = g_strv_length (words);

  for (guint back = 1; back <= 2 && back <= n; back++)
    {
      g_autofree char *word = g_utf8_strdown (words[n - back], -1);

      for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
        if (g_ascii_strcasecmp (word, bounds[i]) == 0)
          return TRUE;
      /* Only an article may stand between: "bis zum", "seit dem". */
      if (!g_str_equal (word, "dem") && !g_str_equal (word, "den") && !g_str_equal (word, "der"))
        break;
    }
  return FALSE;
}

/* Reads the date of @match; FALSE if it is not a possible day. */
static gboolean
read_date (GMatchInfo    *match,
           const GDate   *published,
           gboolean       planned,
           GDate         *day)
{
  g_autofree char *rel = g_match_info_fetch_named (match, "rel");
  g_autofree char *wd = g_match_info_fetch_named (match, "wd2");
  g_autofree char *dd = g_match_info_fetch_named (match, "day");
  g_autofree char *month = g_match_info_fetch_named (match, "month");
  g_autofree char *year = g_match_info_fetch_named (match, "year");
  g_autofree char *mnum = g_match_info_fetch_named (match, "mnum");
  g_autofree char *ynum = g_match_info_fetch_named (match, "ynum");

  *day = *published;
  if (rel != NULL && *rel != '\0')
    {
      g_autofree char *lower = g_utf8_strdown (rel, -1);

      if (g_str_has_prefix (lower, "vorgestern"))
        g_date_subtract_days (day, 2);
      else if (g_str_has_prefix (lower, "gestern") || g_str_has_prefix (lower, "gestrigen"))
        g_date_subtract_days (day, 1);
      else if (g_str_has_prefix (lower, "übermorgen"))
        g_date_add_days (day, 2);
      else if (g_str_has_prefix (lower, "morgen"))
        g_date_add_days (day, 1);
      return TRUE;
    }

  if (wd != NULL && *wd != '\0')
    {
      GDateWeekday want = weekday_number (wd);

      /* The latest such day on or before publication; the next one for an
       * announcement. */
      while (g_date_get_weekday (day) != want)
        {
          if (planned)
            g_date_add_days (day, 1);
          else
            g_date_subtract_days (day, 1);
        }
      return TRUE;
    }

  if (dd != NULL && *dd != '\0')
    {
      int d = atoi (dd);
      int m = month != NULL && *month != '\0' ? month_number (month) : atoi (mnum ? mnum : "0");
      const char *y = year != NULL && *year != '\0' ? year : ynum;
      int yy = y != NULL && *y != '\0' ? atoi (y) : 0;
      gboolean year_given = yy != 0;

      if (yy > 0 && yy < 100)
        yy += 2000;
      if (!year_given)
        yy = g_date_get_year (published);
      if (m < 1 || m > 12 || yy < 1990 || yy > 2100 || !g_date_valid_dmy (d, m, yy))
        return FALSE;
      g_date_set_dmy (day, d, m, yy);

      /* "16. Januar" without a year: the one nearest the release. */
      if (!year_given && !planned && g_date_days_between (published, day) > 31)
        g_date_subtract_months (day, 12);
      else if (!year_given && planned && g_date_days_between (day, published) > 31)
        g_date_add_months (day, 12);
      return TRUE;
    }

  return FALSE;
}

/* Whether @sentence speaks of the future outside a relative clause that
 * does not hold the visit verb: in "hat … das Mentoringprogramm besucht,
 * das vom KI begleitet wird" the "wird" is the programme's, not the
 * visit's. A relative clause runs to the next comma. */
static gboolean
announces_future (const char *sentence,
                  int         verb_offset)
{
  g_autoptr(GMatchInfo) future = NULL;

  g_regex_match (get_regex (REGEX_FUTURE), sentence, 0, &future);
  for (; g_match_info_matches (future); g_match_info_next (future, NULL))
    {
      g_autoptr(GMatchInfo) relative = NULL;
      gboolean in_other_clause = FALSE;
      int at = 0;

      g_match_info_fetch_pos (future, 0, &at, NULL);
      g_regex_match (get_regex (REGEX_RELATIVE), sentence, 0, &relative);
      for (; g_match_info_matches (relative) && !in_other_clause; g_match_info_next (relative, NULL))
        {
          int start = 0;
          const char *comma;
          int end;

          g_match_info_fetch_pos (relative, 0, &start, NULL);
          comma = strchr (sentence + start + 1, ',');
          end = comma != NULL ? comma - sentence : (int) strlen (sentence);
          in_other_clause = start <= at && at < end && !(start <= verb_offset && verb_offset < end);
        }
      if (!in_other_clause)
        return TRUE;
    }
  return FALSE;
}

/**
 * atlas_detect_visit_day:
 * @sentence: a visit sentence
 * @verb_offset: where its visit expression starts
 * @published: the release's date
 * @planned: (inout): set when the visit is still to come (a future verb, or
 *   a day after publication), cleared when an announcement's day is gone;
 *   read as whether to look ahead for weekdays
 * @day: (out caller-allocates): the day
 *
 * Returns: %TRUE when @sentence states the day of the visit
 */
gboolean
atlas_detect_visit_day (const char *sentence,
                        int         verb_offset,
                        gint64      published,
                        gboolean   *planned,
                        GDate      *day)
{
  g_autoptr(GMatchInfo) match = NULL;
  GDate pub;
  gboolean found = FALSE, future;
  int best_distance = G_MAXINT;

  atlas_detect_publication_day (published, &pub);
  future = announces_future (sentence, verb_offset) &&
           !g_regex_match_full (get_regex (REGEX_PAST_VERB), sentence, -1, verb_offset, G_REGEX_MATCH_ANCHORED, NULL, NULL);
  if (future)
    *planned = TRUE;

  g_regex_match (get_regex (REGEX_DATE), sentence, 0, &match);
  while (g_match_info_matches (match))
    {
      int start = 0, end = 0;
      GDate candidate;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (!bounds_a_period (sentence, start) && read_date (match, &pub, *planned, &candidate))
        {
          int distance = ABS (start - verb_offset);

          if (distance < best_distance)
            {
              best_distance = distance;
              *day = candidate;
              found = TRUE;
            }
        }
      g_match_info_next (match, NULL);
    }

  if (found && g_date_compare (day, &pub) > 0)
    *planned = TRUE;
  /* Announced by the tense alone, but on a day gone by: a report. */
  else if (found && !future && g_date_compare (day, &pub) < 0)
    *planned = FALSE;
  return found;
}
