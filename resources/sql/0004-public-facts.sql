-- Schema version 4: where a centre's public facts come from, and what the
-- app last shipped for each field. An update of the shipped facts fills a
-- field only while it still holds the last shipped value (the user never
-- changed it); where the user's value differs from a new fact, the fact is
-- kept as a hint for the user to take or ignore.

CREATE TABLE centre_fact (
  centre_id INTEGER NOT NULL REFERENCES centre (id) ON DELETE CASCADE,
  field     TEXT NOT NULL CHECK (field IN ('name', 'street', 'postal_code', 'city', 'phone',
                                            'email', 'website', 'head')),
  -- The value the app shipped last for this field ('' for none).
  shipped   TEXT NOT NULL DEFAULT '',
  -- A shipped value that differs from the user's, offered as a hint;
  -- '' when there is none.
  hint      TEXT NOT NULL DEFAULT '',
  hint_state TEXT NOT NULL DEFAULT 'open' CHECK (hint_state IN ('open', 'ignored')),
  PRIMARY KEY (centre_id, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE centre_source (
  centre_id  INTEGER PRIMARY KEY REFERENCES centre (id) ON DELETE CASCADE,
  -- Web pages the facts come from, separated by ' | '.
  sources    TEXT NOT NULL DEFAULT '',
  -- The date of the shipped table these facts were checked against.
  facts_date TEXT NOT NULL DEFAULT ''
) STRICT;

-- The date of the shipped facts this catalogue has received; none yet
-- means the facts it was made with (before version 4) are those of
-- 2026-11-22.
CREATE TABLE facts_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  facts_date TEXT NOT NULL
) STRICT;
