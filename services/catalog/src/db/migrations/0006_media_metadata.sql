-- What an upload's content says about video, audio and PDF files: the length (seconds, to the millisecond)
-- and the page count. Video frame sizes go into width and height, as image dimensions do. Each is null when
-- the file does not say, or could not be read: that never refuses an upload.
alter table catalog.media
  add column duration_seconds double precision check (duration_seconds > 0),
  add column page_count       int check (page_count >= 0);
