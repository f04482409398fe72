-- Uploaded media. The bytes live in the kernel's blob store under tenants/<tenant_id>/media/<id>/ (the
-- original and, for images, a WebP thumbnail); a row is written only once they are stored. The type is
-- the one recognised from the content on upload, never the one the client declared.
create table catalog.media (
  id                 uuid primary key,
  tenant_id          uuid not null,
  kind               text not null check (kind in ('image', 'video', 'audio', 'document')),
  content_type       text not null,
  filename           text not null check (length(filename) between 1 and 255),
  size_bytes         bigint not null check (size_bytes > 0),
  sha256             text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  width              int check (width > 0),
  height             int check (height > 0),
  thumbnail_sha256   text check (thumbnail_sha256 ~ '^[0-9a-f]{64}$'),
  thumbnail_size     int check (thumbnail_size > 0),
  thumbnail_width    int check (thumbnail_width > 0),
  thumbnail_height   int check (thumbnail_height > 0),
  uploaded_by        uuid,
  created_at         timestamptz(3) not null default now(),
  check ((thumbnail_sha256 is null) = (thumbnail_size is null))
);
create index media_tenant_created on catalog.media (tenant_id, created_at desc, id desc);
select platform.enable_tenant_rls('catalog.media');
