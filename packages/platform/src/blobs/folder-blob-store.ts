import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { blobKeySegments, InvalidBlobKeyError, measure } from './blob-store.js';
import type { BlobBody, BlobInfo, BlobRange, BlobStore, PutBlobOptions, StoredBlob } from './blob-store.js';

/** A sidecar or temporary file next to a blob; `~` never occurs in a key, so these never collide with one. */
const SIDECAR = '~meta.json';
const temporaryOf = (path: string) => `${path}~${randomUUID()}.tmp`;

/**
 * Blobs as plain files under one folder (the key is the relative path), each with a JSON sidecar holding its
 * content type and digest. Several processes may share the folder (a shared volume): every write goes to a
 * temporary file in the same folder and is renamed into place, so readers never see a partial blob.
 * Replacing an existing key swaps the bytes atomically, but `stat` may describe the new bytes a moment before
 * `get` returns them; keys that are written once (the usual case) never see this.
 */
export class FolderBlobStore implements BlobStore {
  readonly kind = 'folder' as const;
  private readonly root: string;

  constructor(folder: string) {
    this.root = resolve(folder);
  }

  async put(key: string, body: BlobBody, options: PutBlobOptions = {}): Promise<StoredBlob> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const bytesFile = temporaryOf(path);
    const sidecarFile = temporaryOf(path);
    try {
      const measured = measure(body, options.maxBytes);
      await pipeline(measured.bytes, createWriteStream(bytesFile, { flags: 'wx', flush: true }));
      const stored = measured.result();
      const info: BlobInfo = { ...stored, contentType: options.contentType };
      await writeFile(sidecarFile, JSON.stringify(info), { flag: 'wx', flush: true });
      // The sidecar first: once the bytes are in place, a `stat` of the key always finds its description.
      await rename(sidecarFile, path + SIDECAR);
      await rename(bytesFile, path);
      return stored;
    } catch (error) {
      await Promise.all([rm(bytesFile, { force: true }), rm(sidecarFile, { force: true })]);
      throw error;
    }
  }

  async get(key: string, range?: BlobRange): Promise<Readable | undefined> {
    // Opened before streaming: a concurrent replace or delete cannot swap the bytes under this reader.
    const handle = await open(this.pathOf(key), 'r').catch(ifMissing(undefined));
    if (!handle) return undefined;
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      return undefined;
    }
    return handle.createReadStream({ start: range?.start, end: range?.end, autoClose: true });
  }

  async stat(key: string): Promise<BlobInfo | undefined> {
    const path = this.pathOf(key);
    const file = await stat(path).catch(ifMissing(undefined));
    if (!file?.isFile()) return undefined;
    const sidecar = await readFile(path + SIDECAR, 'utf8').catch(ifMissing(undefined));
    const info = sidecar === undefined ? undefined : (JSON.parse(sidecar) as Partial<BlobInfo>);
    return { size: file.size, sha256: info?.sha256 ?? '', contentType: info?.contentType ?? undefined };
  }

  async delete(key: string): Promise<boolean> {
    const path = this.pathOf(key);
    const file = await stat(path).catch(ifMissing(undefined));
    if (!file?.isFile()) return false;
    // The bytes go first, mirroring `put`: a blob whose bytes exist always has its sidecar.
    await rm(path, { force: true });
    await rm(path + SIDECAR, { force: true });
    return true;
  }

  async deletePrefix(prefix: string): Promise<void> {
    const path = this.pathOf(prefix);
    await rm(path, { recursive: true, force: true });
    await rm(path + SIDECAR, { force: true });
  }

  async close(): Promise<void> {}

  /** The file of `key`: validated segment by segment, then checked once more to lie inside the root. */
  private pathOf(key: string): string {
    const path = resolve(this.root, ...blobKeySegments(key));
    if (!path.startsWith(this.root + sep)) throw new InvalidBlobKeyError(key);
    return path;
  }
}

/** A rejection handler that turns "no such file or folder" into `fallback` and rethrows anything else. */
function ifMissing<T>(fallback: T): (error: NodeJS.ErrnoException) => T {
  return (error) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return fallback;
    throw error;
  };
}
