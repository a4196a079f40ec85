-- tests/oom/digest.sql: what an import stored, without the ids (a failed
-- import then the same import again may number things in another order)
-- and without the time of import. Run by tests/oom/run.sh through the
-- sqlite3 shell with the huiyi tokenizer loaded (.load build/huiyi_fts):
-- two databases that print the same hold the same meetings, sections,
-- people, appearances and search index.
.mode list
SELECT title, published, date, body, kind, number, chair, chair_role, summary,
       sha256, source, encoding, replaced, hy_clean(cleanz, id),
       hex(hy_raw(rawz, hy_clean(cleanz, id))), month_day,
       date_basis, guessed, place, units
  FROM meetings ORDER BY sha256;
SELECT m.sha256, s.n, s.heading, s.text
  FROM sections_text s JOIN meetings m ON m.id = s.meeting_id ORDER BY 1, 2;
SELECT m.sha256, a.part, a.position, p.name, a.role
  FROM appearances a JOIN meetings m ON m.id = a.meeting_id
  JOIN people p ON p.id = a.name_id ORDER BY 1, 2, 3;
SELECT key, place, name, hex(sort), py, chaired, attended, observed, invited,
       n, first, last, role, role_date
  FROM persons ORDER BY key, place;
SELECT p.key, p.place, a.date, m.sha256, a.part, a.position, a.role
  FROM appearances a JOIN persons p ON p.id = a.person_id
  JOIN meetings m ON m.id = a.meeting_id ORDER BY 1, 2, 3, 4, 5, 6;
SELECT name, n FROM bodies ORDER BY name;
-- each meeting's date and run (schema v9), the run from its first section
SELECT m.sha256, r.date, r.n,
       r.first - (SELECT min(id) FROM sections WHERE meeting_id = m.id)
  FROM meeting_runs r JOIN meetings m ON m.id = r.id ORDER BY 1;
SELECT count(*) FROM meeting_runs;
SELECT count(*) FROM fts_lengths;
-- the search index agrees with its content (an error if not)
INSERT INTO sections_fts(sections_fts) VALUES ('integrity-check');
INSERT INTO meetings_fts(meetings_fts) VALUES ('integrity-check');
SELECT 'fts ok';
