/* bench-import-baseline.c: the least an RSS import can do
 *
 *   bench-import-baseline FEED DB
 *
 * libxml2's streaming reader over the file, each <item>'s title, link,
 * guid, date and description inserted as they are into a table with the
 * same full-text index as Integrationsatlas's (FTS5, unicode61 without
 * diacritics, prefix indexes 2, 3 and 4), WAL and synchronous=FULL, in one
 * transaction. No date parsing, HTML, dedupe or centre detection: the
 * import benchmark compares the app's import with this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <sqlite3.h>

static const char *schema =
  "PRAGMA journal_mode = WAL;"
  "PRAGMA synchronous = FULL;"
  "CREATE TABLE release (id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, link TEXT, "
  "  title TEXT NOT NULL, body TEXT NOT NULL, published TEXT) STRICT;"
  "CREATE VIRTUAL TABLE release_fts USING fts5 (title, body, content = 'release', "
  "  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6');"
  "CREATE TRIGGER release_fts_insert AFTER INSERT ON release BEGIN "
  "  INSERT INTO release_fts (rowid, title, body) VALUES (new.id, new.title, new.body); END;";

static char *
child_text (xmlNode    *item,
            const char *name)
{
  for (xmlNode *c = item->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0)
      return (char *) xmlNodeGetContent (c);
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  xmlTextReaderPtr reader;
  sqlite3 *db;
  sqlite3_stmt *insert;
  int ret, n = 0;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-import-baseline FEED DB\n");
      return 2;
    }

  if (sqlite3_open (argv[2], &db) != SQLITE_OK ||
      sqlite3_exec (db, schema, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO release (guid, link, title, body, published) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)", -1, &insert, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "bench-import-baseline: %s\n", sqlite3_errmsg (db));
      return 1;
    }

  reader = xmlReaderForFile (argv[1], NULL, XML_PARSE_NONET);
  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      xmlNode *item;
      char *fields[5];
      static const char * const names[] = { "guid", "link", "title", "description", "pubDate" };

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT ||
          strcmp ((const char *) xmlTextReaderConstLocalName (reader), "item") != 0)
        continue;

      item = xmlTextReaderExpand (reader);
      for (int i = 0; i < 5; i++)
        {
          fields[i] = child_text (item, names[i]);
          sqlite3_bind_text (insert, i + 1, fields[i] ? fields[i] : "", -1, SQLITE_TRANSIENT);
        }
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          fprintf (stderr, "bench-import-baseline: %s\n", sqlite3_errmsg (db));
          return 1;
        }
      sqlite3_reset (insert);
      for (int i = 0; i < 5; i++)
        xmlFree (fields[i]);
      n++;
      xmlTextReaderNext (reader);
    }

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_finalize (insert);
  xmlFreeTextReader (reader);
  sqlite3_close (db);

  printf ("%d items\n", n);
  return ret == 0 ? 0 : 1;
}
