import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobTooLargeError, InvalidBlobKeyError, type BlobStore } from '../src/blobs/blob-store.js';
import { createBlobStore } from '../src/blobs/create-blob-store.js';
import { FolderBlobStore } from '../src/blobs/folder-blob-store.js';
import { MemoryBlobStore } from '../src/blobs/memory-blob-store.js';
import { loadConfig } from '../src/config/config.js';
import { createTestPlatform } from '../src/testing/platform.js';

const sha256 = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

/** A stream of `count` chunks of `size` bytes each, produced lazily like an upload being received. */
function chunks(count: number, size: number): Readable {
  return Readable.from((function* produce() {
    for (let i = 0; i < count; i++) yield Buffer.alloc(size, 97 + (i % 26));
  })());
}

const hostileKeys = [
  '', '/', '/etc/passwd', '../outside', 'a/../../outside', 'a/./b', 'a//b', 'a/', '.hidden', 'a/..', 'a\\..\\b',
  'C:/windows', 'a/b~meta.json', 'a\0b', 'a/ b', 'x'.repeat(201), Array.from({ length: 17 }, () => 'a').join('/'),
];

const stores: Array<{ name: string; open: (folder: string) => BlobStore }> = [
  { name: 'FolderBlobStore', open: (folder) => new FolderBlobStore(join(folder, 'blobs')) },
  { name: 'MemoryBlobStore', open: () => new MemoryBlobStore() },
];

describe.each(stores)('$name', ({ open }) => {
  let folder: string;
  let store: BlobStore;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tessera-blobs-'));
    store = open(folder);
  });

  afterEach(async () => {
    await store.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('stores bytes and a stream, measuring size and SHA-256, and keeps the content type', async () => {
    expect(await store.put('tenants/a/hello.txt', Buffer.from('hello world'), { contentType: 'text/plain' }))
      .toEqual({ size: 11, sha256: sha256('hello world') });
    expect(await store.stat('tenants/a/hello.txt')).toEqual({ size: 11, sha256: sha256('hello world'), contentType: 'text/plain' });
    expect(await text((await store.get('tenants/a/hello.txt'))!)).toBe('hello world');

    const streamed = await store.put('tenants/a/big', chunks(64, 16_384));
    expect(streamed.size).toBe(64 * 16_384);
    const back = Buffer.from(await new Response(Readable.toWeb((await store.get('tenants/a/big'))!) as ReadableStream).arrayBuffer());
    expect(back.length).toBe(streamed.size);
    expect(sha256(back)).toBe(streamed.sha256);
    expect((await store.stat('tenants/a/big'))?.contentType).toBeUndefined();
  });

  it('reads inclusive byte ranges, clamping an end past the last byte', async () => {
    await store.put('k/range', Buffer.from('0123456789'));
    expect(await text((await store.get('k/range', { start: 0, end: 0 }))!)).toBe('0');
    expect(await text((await store.get('k/range', { start: 2, end: 5 }))!)).toBe('2345');
    expect(await text((await store.get('k/range', { start: 7 }))!)).toBe('789');
    expect(await text((await store.get('k/range', { start: 8, end: 99 }))!)).toBe('89');
  });

  it('answers undefined or false for missing blobs, and for a key that is only a prefix of others', async () => {
    await store.put('t/1/file', Buffer.from('x'));
    expect(await store.get('t/1/missing')).toBeUndefined();
    expect(await store.stat('t/1/missing')).toBeUndefined();
    expect(await store.delete('t/1/missing')).toBe(false);
    expect(await store.get('t/1')).toBeUndefined();
    expect(await store.stat('t/1')).toBeUndefined();
    expect(await store.get('t/1/file/below')).toBeUndefined();
  });

  it('replaces a blob whole and deletes it', async () => {
    await store.put('k/replace', Buffer.from('first version'));
    await store.put('k/replace', Buffer.from('second'), { contentType: 'text/plain' });
    expect(await text((await store.get('k/replace'))!)).toBe('second');
    expect(await store.stat('k/replace')).toEqual({ size: 6, sha256: sha256('second'), contentType: 'text/plain' });
    expect(await store.delete('k/replace')).toBe(true);
    expect(await store.get('k/replace')).toBeUndefined();
    expect(await store.stat('k/replace')).toBeUndefined();
  });

  it('refuses a body over maxBytes and leaves nothing behind (not even the previous value is touched)', async () => {
    await store.put('k/limited', Buffer.from('old'));
    await expect(store.put('k/limited', chunks(10, 1000), { maxBytes: 4_999 })).rejects.toBeInstanceOf(BlobTooLargeError);
    await expect(store.put('k/other', Buffer.alloc(101), { maxBytes: 100 })).rejects.toThrow(/larger than 100 bytes/);
    expect(await store.stat('k/other')).toBeUndefined();
    expect(await text((await store.get('k/limited'))!)).toBe('old');
    expect((await store.put('k/exact', Buffer.alloc(100), { maxBytes: 100 })).size).toBe(100);
  });

  it('does not store a body whose stream fails halfway', async () => {
    const failing = Readable.from((async function* broken() {
      yield Buffer.from('partial');
      throw new Error('client went away');
    })());
    await expect(store.put('k/broken', failing)).rejects.toThrow('client went away');
    expect(await store.stat('k/broken')).toBeUndefined();
  });

  it('deletes every blob under a prefix, and only those', async () => {
    await store.put('tenants/a/media/1', Buffer.from('1'));
    await store.put('tenants/a/media/2/thumb', Buffer.from('2'));
    await store.put('tenants/ab/media/1', Buffer.from('3'));
    await store.deletePrefix('tenants/a');
    expect(await store.stat('tenants/a/media/1')).toBeUndefined();
    expect(await store.stat('tenants/a/media/2/thumb')).toBeUndefined();
    expect(await store.stat('tenants/ab/media/1')).toBeDefined();
    await store.deletePrefix('tenants/never-written');
  });

  it('refuses keys that are not plain relative paths of safe segments', async () => {
    for (const key of hostileKeys) {
      await expect(store.put(key, Buffer.from('x')), key).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.get(key), key).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.stat(key), key).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.delete(key), key).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.deletePrefix(key), key).rejects.toBeInstanceOf(InvalidBlobKeyError);
    }
  });
});

describe('FolderBlobStore on disk', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tessera-blobs-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps each blob as a plain file at its key, with no temporary file left over', async () => {
    const store = new FolderBlobStore(join(folder, 'blobs'));
    await store.put('tenants/t1/media/m1/original', Buffer.from('bytes'), { contentType: 'image/png' });
    await expect(store.put('tenants/t1/media/m2/original', Buffer.alloc(50), { maxBytes: 10 })).rejects.toThrow(BlobTooLargeError);
    expect(await readFile(join(folder, 'blobs', 'tenants', 't1', 'media', 'm1', 'original'), 'utf8')).toBe('bytes');
    expect(await readdir(join(folder, 'blobs', 'tenants', 't1', 'media', 'm1'))).toEqual(['original', 'original~meta.json']);
    expect(await readdir(join(folder, 'blobs', 'tenants', 't1', 'media', 'm2'))).toEqual([]);
  });

  it('never reads or writes outside its root, even next to a sibling folder with a similar name', async () => {
    await writeFile(join(folder, 'secret'), 'top secret');
    const store = new FolderBlobStore(join(folder, 'blobs'));
    await expect(store.get('../secret')).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(store.put('../blobs-evil/x', Buffer.from('x'))).rejects.toBeInstanceOf(InvalidBlobKeyError);
    expect(await readdir(folder)).toEqual(['secret']);
  });

  it('a blob written by one store is read by another on the same folder (processes sharing a volume)', async () => {
    await new FolderBlobStore(join(folder, 'blobs')).put('shared/key', Buffer.from('shared'), { contentType: 'application/pdf' });
    const other = new FolderBlobStore(join(folder, 'blobs'));
    expect(await other.stat('shared/key')).toEqual({ size: 6, sha256: sha256('shared'), contentType: 'application/pdf' });
  });
});

describe('createBlobStore and the platform', () => {
  it('chooses the folder from TESSERA_BLOB_DIR, else <dataDir>/blobs, else memory for memory://', () => {
    expect(createBlobStore({ dataDir: 'memory://' }).kind).toBe('memory');
    expect(createBlobStore({ dataDir: '/var/lib/tessera' }).kind).toBe('folder');
    expect(createBlobStore({ dataDir: 'memory://', folder: '/srv/blobs' }).kind).toBe('folder');
    expect(loadConfig({ TESSERA_BLOB_DIR: '/srv/blobs' }).TESSERA_BLOB_DIR).toBe('/srv/blobs');
    expect(loadConfig({}).TESSERA_BLOB_DIR).toBeUndefined();
  });

  it('hands every service a blob store in its context', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tessera-blobs-'));
    const platform = await createTestPlatform([], { TESSERA_BLOB_DIR: folder });
    try {
      expect(platform.blobs.kind).toBe('folder');
      await platform.blobs.put('tenants/x/file', Buffer.from('in the folder'));
      expect(await readFile(join(folder, 'tenants', 'x', 'file'), 'utf8')).toBe('in the folder');
    } finally {
      await platform.cleanup();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
