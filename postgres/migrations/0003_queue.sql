-- PostgreSQL's part of schema version 3 (the tables are internal/sqlstore's):
-- dead letters are listed newest first.
CREATE INDEX dead_letters_failed ON dead_letters(failed_at, id);
