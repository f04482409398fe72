import type { TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Media } from '../src/media/media.schemas.js';
import { expectProblem, startMediaKit, type MediaKit } from './fixtures/media/media-kit.js';
import { mp4, png } from './fixtures/media/samples.js';

let kit: MediaKit;
let instructor: TestTenant;
let student: TestTenant;
let video: Media;
let bytes: Buffer;

beforeAll(async () => {
  kit = await startMediaKit();
  instructor = await kit.instructor();
  student = await kit.member(instructor, ['student']);
  // Distinct bytes everywhere, so a wrong offset cannot go unnoticed.
  bytes = mp4(10_000);
  for (let i = 64; i < bytes.length; i++) bytes[i] = i % 251;
  video = await kit.uploaded(instructor, bytes, 'video/mp4', 'lecture.mp4');
});

afterAll(async () => {
  await kit?.close();
});

const content = (headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') => kit.get(student, video.contentUrl, headers, method);

describe('GET /media/{id}/content', () => {
  it('sends the whole file with validators and caching headers for private, immutable content', async () => {
    const response = await content();
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(bytes)).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'video/mp4',
      'content-length': String(bytes.length),
      'accept-ranges': 'bytes',
      etag: `"${video.sha256}"`,
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });

  it('answers HEAD with the headers only', async () => {
    const response = await content({}, 'HEAD');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe(String(bytes.length));
    expect(response.headers.etag).toBe(`"${video.sha256}"`);
    expect(response.rawPayload.length).toBe(0);
  });

  it.each([
    ['the first bytes', 'bytes=0-9', 0, 9],
    ['a middle range', 'bytes=100-199', 100, 199],
    ['an open-ended range', 'bytes=9990-', 9990, 9999],
    ['a suffix', 'bytes=-5', 9995, 9999],
    ['a suffix longer than the file', 'bytes=-20000', 0, 9999],
    ['a range ending past the end (clamped)', 'bytes=9000-50000', 9000, 9999],
    ['a single byte, spaces allowed around the unit', ' bytes = 42-42', 42, 42],
  ])('sends %s as 206 with Content-Range', async (_name, range, start, end) => {
    const response = await content({ range });
    expect(response.statusCode, response.body).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${bytes.length}`);
    expect(response.headers['content-length']).toBe(String(end - start + 1));
    expect(response.headers.etag).toBe(`"${video.sha256}"`);
    expect(response.rawPayload.equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it.each([
    ['starting at the size', 'bytes=10000-'],
    ['starting past the end', 'bytes=20000-20010'],
    ['ending before it starts', 'bytes=50-10'],
    ['an empty suffix', 'bytes=-0'],
    ['no numbers', 'bytes=-'],
    ['garbage', 'bytes=abc'],
    ['a negative start', 'bytes=--5'],
    ['a malformed list', 'bytes=0-1,x'],
  ])('refuses a range %s with 416 naming the size', async (_name, range) => {
    const response = await content({ range });
    expectProblem(response, 416, 'MEDIA.RANGE_NOT_SATISFIABLE');
    expect(response.headers['content-range']).toBe(`bytes */${bytes.length}`);
    expect(response.headers['cache-control']).toBeUndefined();
  });

  it.each([
    ['another unit', 'items=0-9'],
    ['several ranges', 'bytes=0-9,20-29'],
  ])('ignores %s and sends the whole file', async (_name, range) => {
    const response = await content({ range });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.length).toBe(bytes.length);
  });

  it('honours If-Range only when it is the current ETag', async () => {
    expect((await content({ range: 'bytes=0-9', 'if-range': `"${video.sha256}"` })).statusCode).toBe(206);
    const stale = await content({ range: 'bytes=0-9', 'if-range': '"0000"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.length).toBe(bytes.length);
    expect((await content({ range: 'bytes=0-9', 'if-range': 'Wed, 21 Oct 2015 07:28:00 GMT' })).statusCode).toBe(200);
  });

  it.each([
    ['its ETag', (etag: string) => etag],
    ['its ETag marked weak', (etag: string) => `W/${etag}`],
    ['a list holding its ETag', (etag: string) => `"other", ${etag}`],
    ['*', () => '*'],
  ])('answers If-None-Match with %s by 304 without a body', async (_name, header) => {
    const etag = `"${video.sha256}"`;
    const response = await content({ 'if-none-match': header(etag), range: 'bytes=0-9' });
    expect(response.statusCode).toBe(304);
    expect(response.rawPayload.length).toBe(0);
    expect(response.headers.etag).toBe(etag);
    expect(response.headers['cache-control']).toBe('private, max-age=31536000, immutable');
  });

  it('sends the file when If-None-Match names another version', async () => {
    const response = await content({ 'if-none-match': '"0123"' });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(bytes)).toBe(true);
  });
});

describe('GET /media/{id}/thumbnail', () => {
  it('serves the thumbnail with the same validators and ranges', async () => {
    const image = await kit.uploaded(instructor, await png(400, 400), 'image/png');
    const etag = `"${image.thumbnail!.sha256}"`;
    const whole = await kit.get(student, image.thumbnailUrl!);
    expect(whole.headers).toMatchObject({ etag, 'content-length': String(image.thumbnail!.size), 'x-content-type-options': 'nosniff' });
    expect((await kit.get(student, image.thumbnailUrl!, { 'if-none-match': etag })).statusCode).toBe(304);
    const firstBytes = await kit.get(student, image.thumbnailUrl!, { range: 'bytes=0-3' });
    expect(firstBytes.statusCode).toBe(206);
    expect(firstBytes.rawPayload.toString('latin1')).toBe('RIFF');
  });
});
