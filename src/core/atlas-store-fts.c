/* atlas-store-fts.c: the full-text index's tokenizer, which folds German
 * text as the rest of the app's searches do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "atlas-store-private.h"
#include "atlas-text.h"

/* "atlas_fold": SQLite's unicode61 splits the words and lowers their case;
 * each word with a letter outside ASCII is then folded as
 * atlas_text_fold_search() folds the centre and contact searches (Köln →
 * koeln, Straße → strasse). In the text (not in a query) such a word also
 * stands at the same place with its umlauts as plain letters (Güler →
 * guler), so "guler", "gueler" and "Güler" all find it. */

typedef struct {
  fts5_tokenizer inner_methods;
  Fts5Tokenizer *inner;
  gboolean distinct;
} FoldTokenizer;

/* "atlas_fold distinct" (schema 11) gives FTS5 each word of a document's
 * column once: an index with detail=column keeps, per row and word, only
 * the columns the word is in, so the repeats add nothing to it, yet FTS5
 * hashes each of them once for the word and once for each prefix index
 * (2 to 6 letters: six times). A press release's body repeats about half
 * of its words. Queries are tokenized as before. The columns' sizes in
 * words (fts5's docsize, used by bm25 alone, which this index cannot
 * serve) count distinct words. */
/* The words of a document's column seen so far: GLib's set, over
 * copies kept in one chunk (freed together when the column is done). */
typedef struct {
  GHashTable   *words;
  GStringChunk *chunk;
  GString      *probe;   /* the word looked for, NUL-terminated */
} SeenSet;

/* Words passed on to FTS5 from documents, by every connection of the
 * process: the work-counting test (tests/test-import-work.c) reads it. */
static gsize words_indexed;

gsize
atlas_store_fts_words_indexed (void)
{
  return (gsize) g_atomic_pointer_get (&words_indexed);
}

typedef struct {
  void *ctx;
  int (*token) (void *ctx, int flags, const char *token, int n_token, int start, int end);
  gboolean query;
  SeenSet *seen;        /* NULL: every word is passed on */
  gboolean skipped;     /* the last word was a repeat (for its colocated forms) */
  gsize n_passed;       /* words passed on from a document */
} FoldCall;

static void
seen_init (SeenSet *set,
           int      n_text)
{
  set->words = g_hash_table_new (g_str_hash, g_str_equal);
  /* About half of a column's bytes are words not seen before in it. */
  set->chunk = g_string_chunk_new (MAX (n_text / 2, 64));
  set->probe = g_string_sized_new (64);
}

static void
seen_clear (SeenSet *set)
{
  g_hash_table_destroy (set->words);
  g_string_chunk_free (set->chunk);
  g_string_free (set->probe, TRUE);
}

/* Adds @word; returns whether it was new. */
static gboolean
seen_add (SeenSet    *set,
          const char *word,
          int         n_word)
{
  g_string_truncate (set->probe, 0);
  g_string_append_len (set->probe, word, n_word);
  if (g_hash_table_contains (set->words, set->probe->str))
    return FALSE;
  g_hash_table_add (set->words, g_string_chunk_insert_len (set->chunk, word, n_word));
  return TRUE;
}

/* Passes a word on to FTS5, unless the document had it already. A form
 * colocated with a repeat that is itself new is passed on as a word of
 * its own. */
static int
emit (FoldCall   *call,
      int         flags,
      const char *token,
      int         n_token,
      int         start,
      int         end)
{
  if (call->seen == NULL)
    {
      call->n_passed++;
      return call->token (call->ctx, flags, token, n_token, start, end);
    }

  if (!seen_add (call->seen, token, n_token))
    {
      if (!(flags & FTS5_TOKEN_COLOCATED))
        call->skipped = TRUE;
      return SQLITE_OK;
    }
  if (flags & FTS5_TOKEN_COLOCATED)
    {
      if (call->skipped)
        flags &= ~FTS5_TOKEN_COLOCATED;
    }
  else
    call->skipped = FALSE;
  call->n_passed++;
  return call->token (call->ctx, flags, token, n_token, start, end);
}

static int
fold_create (void          *user_data,
             const char   **args,
             int            n_args,
             Fts5Tokenizer **out)
{
  fts5_api *api = user_data;
  const char *inner_args[] = { "remove_diacritics", "0", "categories", "L* N* Co Mn" };
  FoldTokenizer *tokenizer = g_new0 (FoldTokenizer, 1);
  void *inner_data = NULL;
  int rc;

  for (int i = 0; i < n_args; i++)
    if (g_strcmp0 (args[i], "distinct") == 0)
      tokenizer->distinct = TRUE;
    else
      {
        g_free (tokenizer);
        return SQLITE_ERROR;
      }

  rc = api->xFindTokenizer (api, "unicode61", &inner_data, &tokenizer->inner_methods);
  if (rc == SQLITE_OK)
    rc = tokenizer->inner_methods.xCreate (inner_data, inner_args, G_N_ELEMENTS (inner_args),
                                           &tokenizer->inner);
  if (rc != SQLITE_OK)
    {
      g_free (tokenizer);
      return rc;
    }

  *out = (Fts5Tokenizer *) tokenizer;
  return SQLITE_OK;
}

static void
fold_delete (Fts5Tokenizer *fts_tokenizer)
{
  FoldTokenizer *tokenizer = (FoldTokenizer *) fts_tokenizer;

  tokenizer->inner_methods.xDelete (tokenizer->inner);
  g_free (tokenizer);
}

/* Most words outside ASCII in German text differ from it by umlauts and ß
 * alone; those are folded here, on the stack, exactly as
 * atlas_text_fold_search() and atlas_text_fold_sort() fold them (which
 * cost a few thousand instructions a word, a good part of an import's
 * indexing). Anything else returns FALSE and takes the general path. */
#define FAST_FOLD_MAX 64

static gboolean
fold_german (const char *token,
             int         n_token,
             char       *search,
             int        *n_search,
             char       *sort,
             int        *n_sort)
{
  int a = 0, b = 0;

  for (int i = 0; i < n_token; i++)
    {
      guchar c = (guchar) token[i];
      const char *two, *one;

      if (c < 0x80)
        {
          search[a++] = sort[b++] = g_ascii_tolower (c);
          continue;
        }
      if (c != 0xC3 || i + 1 >= n_token)
        return FALSE;
      switch ((guchar) token[++i])
        {
        case 0xA4: case 0x84: two = "ae"; one = "a"; break;  /* ä Ä */
        case 0xB6: case 0x96: two = "oe"; one = "o"; break;  /* ö Ö */
        case 0xBC: case 0x9C: two = "ue"; one = "u"; break;  /* ü Ü */
        case 0x9F: two = "ss"; one = "ss"; break;            /* ß */
        default: return FALSE;
        }
      /* Each two-byte letter becomes at most two bytes: no overflow. */
      search[a++] = two[0];
      search[a++] = two[1];
      sort[b++] = one[0];
      if (one[1] != '\0')
        sort[b++] = one[1];
    }

  *n_search = a;
  *n_sort = b;
  return TRUE;
}

static int
fold_token (void       *user_data,
            int         flags,
            const char *token,
            int         n_token,
            int         start,
            int         end)
{
  FoldCall *call = user_data;
  g_autofree char *word = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *plain = NULL;
  int rc;

  /* Most words are ASCII, and unicode61 has lowered them already. */
  for (int i = 0; i < n_token; i++)
    if ((guchar) token[i] >= 0x80)
      goto fold;
  return emit (call, flags, token, n_token, start, end);

fold:
  if (n_token <= FAST_FOLD_MAX)
    {
      char search[FAST_FOLD_MAX], sort[FAST_FOLD_MAX];
      int n_search, n_sort;

      if (fold_german (token, n_token, search, &n_search, sort, &n_sort))
        {
          rc = emit (call, flags, search, n_search, start, end);
          if (rc != SQLITE_OK || call->query)
            return rc;
          if (n_sort == n_search && memcmp (sort, search, n_sort) == 0)
            return SQLITE_OK;
          return emit (call, flags | FTS5_TOKEN_COLOCATED, sort, n_sort, start, end);
        }
    }

  word = g_strndup (token, n_token);
  folded = atlas_text_fold_search (word);
  rc = emit (call, flags, folded, (int) strlen (folded), start, end);
  if (rc != SQLITE_OK || call->query)
    return rc;

  plain = atlas_text_fold_sort (word);
  if (strcmp (plain, folded) == 0)
    return SQLITE_OK;
  return emit (call, flags | FTS5_TOKEN_COLOCATED, plain, (int) strlen (plain), start, end);
}

static int
fold_tokenize (Fts5Tokenizer *fts_tokenizer,
               void          *ctx,
               int            flags,
               const char    *text,
               int            n_text,
               int          (*token) (void *, int, const char *, int, int, int))
{
  FoldTokenizer *tokenizer = (FoldTokenizer *) fts_tokenizer;
  FoldCall call = { ctx, token, (flags & FTS5_TOKENIZE_QUERY) != 0, NULL, FALSE, 0 };
  SeenSet seen;
  int rc;

  if (!(flags & FTS5_TOKENIZE_DOCUMENT))
    return tokenizer->inner_methods.xTokenize (tokenizer->inner, &call, flags, text, n_text, fold_token);

  if (tokenizer->distinct)
    {
      seen_init (&seen, n_text);
      call.seen = &seen;
    }
  rc = tokenizer->inner_methods.xTokenize (tokenizer->inner, &call, flags, text, n_text, fold_token);
  if (tokenizer->distinct)
    seen_clear (&seen);
  g_atomic_pointer_add (&words_indexed, (gssize) call.n_passed);
  return rc;
}

/* FTS5's API, asked for as its documentation says. */
static fts5_api *
fts5_api_of (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

/**
 * atlas_store_register_tokenizer:
 *
 * Makes the "atlas_fold" tokenizer known to @db; every connection that
 * reads or writes the full-text index needs it.
 */
gboolean
atlas_store_register_tokenizer (sqlite3  *db,
                                GError  **error)
{
  static fts5_tokenizer methods = { fold_create, fold_delete, fold_tokenize };
  fts5_api *api = fts5_api_of (db);

  if (api == NULL || api->iVersion < 2 ||
      api->xCreateTokenizer (api, "atlas_fold", api, &methods, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_OPEN,
                   _("SQLite has no full-text search (FTS5)"));
      return FALSE;
    }
  return TRUE;
}
