-- Who wrote a ping: only they (or a moderator) may change it. Pings from before authors were kept have none,
-- so only moderators may change those.
alter table example.pings add column author_id uuid;
