import { join } from 'node:path';
import type { BlobStore } from './blob-store.js';
import { FolderBlobStore } from './folder-blob-store.js';
import { MemoryBlobStore } from './memory-blob-store.js';

export interface CreateBlobStoreOptions {
  /** An explicit folder (`TESSERA_BLOB_DIR`), e.g. a volume every API process mounts. */
  folder?: string;
  /** The data folder: blobs default to `<dataDir>/blobs`, or stay in memory when it starts with `memory://`. */
  dataDir: string;
}

/** The folder store in `folder` or `<dataDir>/blobs`; the memory store for an in-memory data folder. */
export function createBlobStore(options: CreateBlobStoreOptions): BlobStore {
  if (options.folder) return new FolderBlobStore(options.folder);
  if (options.dataDir.startsWith('memory://')) return new MemoryBlobStore();
  return new FolderBlobStore(join(options.dataDir, 'blobs'));
}
