-- The API, and the cursors of `GET /pings`, carry timestamps in milliseconds (JavaScript dates), but
-- timestamptz keeps microseconds: a page ending inside a millisecond lost the pings of that millisecond
-- that sorted after it. Store exactly what the API can express, so a cursor's (created_at, id) is exact.
alter table example.pings
  alter column created_at type timestamptz(3),
  alter column updated_at type timestamptz(3);
