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
} FoldTokenizer;

typedef struct {
  void *ctx;
  int (*token) (void *ctx, int flags, const char *token, int n_token, int start, int end);
  gboolean query;
} FoldCall;

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
  return call->token (call->ctx, flags, token, n_token, start, end);

fold:
  if (n_token <= FAST_FOLD_MAX)
    {
      char search[FAST_FOLD_MAX], sort[FAST_FOLD_MAX];
      int n_search, n_sort;

      if (fold_german (token, n_token, search, &n_search, sort, &n_sort))
        {
          rc = call->token (call->ctx, flags, search, n_search, start, end);
          if (rc != SQLITE_OK || call->query)
            return rc;
          if (n_sort == n_search && memcmp (sort, search, n_sort) == 0)
            return SQLITE_OK;
          return call->token (call->ctx, flags | FTS5_TOKEN_COLOCATED, sort, n_sort, start, end);
        }
    }

  word = g_strndup (token, n_token);
  folded = atlas_text_fold_search (word);
  rc = call->token (call->ctx, flags, folded, (int) strlen (folded), start, end);
  if (rc != SQLITE_OK || call->query)
    return rc;

  plain = atlas_text_fold_sort (word);
  if (strcmp (plain, folded) == 0)
    return SQLITE_OK;
  return call->token (call->ctx, flags | FTS5_TOKEN_COLOCATED, plain, (int) strlen (plain), start, end);
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
  FoldCall call = { ctx, token, (flags & FTS5_TOKENIZE_QUERY) != 0 };

  return tokenizer->inner_methods.xTokenize (tokenizer->inner, &call, flags, text, n_text, fold_token);
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
