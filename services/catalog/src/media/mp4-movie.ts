/** Reads `length` bytes of a file from `start` (fewer at its end). */
export type ReadBytes = (start: number, length: number) => Promise<Buffer>;

/** What an MP4 (ISO base media) file's movie box says; null where it says nothing usable. */
export interface Mp4Movie {
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
}

interface BoxHeader {
  type: string;
  headerSize: number;
  size: number;
}

const NOTHING: Mp4Movie = { durationSeconds: null, width: null, height: null };
// The moov box holds the sample tables: a few megabytes for hours of video. A larger one is not worth reading.
const MAX_MOOV_BYTES = 32 * 1024 * 1024;
// Usual files have ftyp, moov, mdat and maybe free at the top; fragmented ones put moov before their fragments.
const MAX_TOP_LEVEL_BOXES = 64;
// A box header is a 32-bit size and a type, then a 64-bit size when the 32-bit one is 1.
const LONGEST_BOX_HEADER = 16;
const FIXED_16_16 = 65536;

/**
 * The movie's duration (mvhd, or mehd in a fragmented file) and the frame size of its first visual track
 * (tkhd). Top-level boxes are skipped by their declared size, so wherever the moov box is (at the end, in a
 * file not prepared for streaming), the media data of a 500 MB video is never read. music-metadata is not used
 * here: it reports the length of audio tracks only, and no frame size.
 */
export async function readMp4Movie(read: ReadBytes, fileSize: number): Promise<Mp4Movie> {
  const moov = await findMoov(read, fileSize);
  return moov ? { durationSeconds: movieDuration(moov), ...frameSize(moov) } : NOTHING;
}

async function findMoov(read: ReadBytes, fileSize: number): Promise<Buffer | undefined> {
  let offset = 0;
  for (let visited = 0; visited < MAX_TOP_LEVEL_BOXES && offset < fileSize; visited++) {
    const box = boxHeader(await read(offset, LONGEST_BOX_HEADER), fileSize - offset);
    if (!box) return undefined;
    const payloadSize = box.size - box.headerSize;
    if (box.type === 'moov') return payloadSize <= MAX_MOOV_BYTES ? read(offset + box.headerSize, payloadSize) : undefined;
    offset += box.size;
  }
  return undefined;
}

/** The header of the box that `bytes` starts with; undefined unless it is one that fits in `available` bytes. */
function boxHeader(bytes: Buffer, available: number): BoxHeader | undefined {
  if (bytes.length < 8) return undefined;
  const compactSize = bytes.readUInt32BE(0);
  const wide = compactSize === 1;
  if (wide && bytes.length < 16) return undefined;
  const headerSize = wide ? 16 : 8;
  // A size of 0 means "up to the end of the file".
  const size = wide ? Number(bytes.readBigUInt64BE(8)) : compactSize === 0 ? available : compactSize;
  return size >= headerSize && size <= available ? { type: bytes.toString('latin1', 4, 8), headerSize, size } : undefined;
}

/** The boxes directly inside a box's payload, up to the first that does not fit. */
function* childBoxes(payload: Buffer): Generator<{ type: string; payload: Buffer }> {
  for (let offset = 0; offset < payload.length;) {
    const box = boxHeader(payload.subarray(offset, offset + LONGEST_BOX_HEADER), payload.length - offset);
    if (!box) return;
    yield { type: box.type, payload: payload.subarray(offset + box.headerSize, offset + box.size) };
    offset += box.size;
  }
}

function childBox(payload: Buffer, type: string): Buffer | undefined {
  for (const box of childBoxes(payload)) if (box.type === type) return box.payload;
  return undefined;
}

/** mvhd's duration in its timescale; a fragmented file leaves it 0 and may give the total in mvex/mehd. */
function movieDuration(moov: Buffer): number | null {
  const mvhd = childBox(moov, 'mvhd');
  if (!mvhd) return null;
  const v1 = mvhd[0] === 1;
  if (mvhd.length < (v1 ? 32 : 20)) return null;
  const timescale = mvhd.readUInt32BE(v1 ? 20 : 12);
  const duration = knownDuration(v1 ? mvhd.readBigUInt64BE(24) : mvhd.readUInt32BE(16)) ?? fragmentedDuration(moov);
  return timescale > 0 && duration !== undefined ? duration / timescale : null;
}

function fragmentedDuration(moov: Buffer): number | undefined {
  const mvex = childBox(moov, 'mvex');
  const mehd = mvex && childBox(mvex, 'mehd');
  if (!mehd) return undefined;
  const v1 = mehd[0] === 1;
  if (mehd.length < (v1 ? 12 : 8)) return undefined;
  return knownDuration(v1 ? mehd.readBigUInt64BE(4) : mehd.readUInt32BE(4));
}

// ISO/IEC 14496-12 writes all ones for a duration that cannot be told; 0 tells nothing either.
function knownDuration(value: number | bigint): number | undefined {
  const unknown = Number(value) === 0 || value === 0xffff_ffff || value === 0xffff_ffff_ffff_ffffn;
  return unknown ? undefined : Number(value);
}

/** The frame size of the first track that has one: audio tracks declare 0 × 0. */
function frameSize(moov: Buffer): Pick<Mp4Movie, 'width' | 'height'> {
  for (const box of childBoxes(moov)) {
    const tkhd = box.type === 'trak' ? childBox(box.payload, 'tkhd') : undefined;
    const size = tkhd && trackFrameSize(tkhd);
    if (size) return size;
  }
  return { width: null, height: null };
}

/** tkhd's width and height (16.16 fixed point, after the matrix), as the matrix shows the frame. */
function trackFrameSize(tkhd: Buffer): { width: number; height: number } | undefined {
  const matrix = tkhd[0] === 1 ? 52 : 40;
  if (tkhd.length < matrix + 44) return undefined;
  const width = Math.round(tkhd.readUInt32BE(matrix + 36) / FIXED_16_16);
  const height = Math.round(tkhd.readUInt32BE(matrix + 40) / FIXED_16_16);
  if (width === 0 || height === 0) return undefined;
  // Phones store a portrait video as landscape frames with a matrix that turns them a quarter (a = d = 0 in
  // the matrix [a b u; c d v; x y w]); it is shown, and so described, turned.
  const quarterTurn = tkhd.readInt32BE(matrix) === 0 && tkhd.readInt32BE(matrix + 16) === 0;
  return quarterTurn ? { width: height, height: width } : { width, height };
}
