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
