/** The first bytes of a stream, and the whole stream again (those bytes included) to read on. */
export interface Peeked {
  head: Buffer;
  whole: AsyncIterable<Uint8Array>;
}

/**
 * Reads until at least `bytes` bytes (or the end) have arrived, without losing them: type detection looks at
 * the head, then the upload continues with `whole`. Memory use is bounded by `bytes` plus one chunk.
 */
export async function peek(source: AsyncIterable<Uint8Array>, bytes: number): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  async function* whole(): AsyncIterable<Uint8Array> {
    yield* chunks;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: Buffer.concat(chunks), whole: whole() };
}
