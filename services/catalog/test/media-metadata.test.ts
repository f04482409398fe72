import type { TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Media } from '../src/media/media.schemas.js';
import { startMediaKit, type MediaKit } from './fixtures/media/media-kit.js';
import { garbledPdf, garbledWebm, mp3, mp4Movie, pdfWithPages, truncatedWav, wav, webm } from './fixtures/media/metadata-samples.js';
import { mp4, pdf, png } from './fixtures/media/samples.js';

let kit: MediaKit;
let instructor: TestTenant;

beforeAll(async () => {
  kit = await startMediaKit();
  instructor = await kit.instructor();
});

afterAll(async () => {
  await kit?.close();
});

/** Uploads a file and returns its description as read back, after checking the upload answered the same. */
async function uploadedAndReadBack(bytes: Buffer, filename: string): Promise<Media> {
  const uploaded = await kit.uploaded(instructor, bytes, 'application/octet-stream', filename);
  const readBack = await kit.get(instructor, `/api/v1/media/${uploaded.id}`);
  expect(readBack.statusCode, readBack.body).toBe(200);
  expect(readBack.json()).toEqual(uploaded);
  return readBack.json<Media>();
}

const NONE = { durationSeconds: null, width: null, height: null, pageCount: null };

describe('metadata of video and audio uploads', () => {
  it('reads the exact duration of a WAV file', async () => {
    const media = await uploadedAndReadBack(wav(1.5, 8000), 'silence.wav');
    expect(media).toMatchObject({ kind: 'audio', contentType: 'audio/wav', ...NONE, durationSeconds: 1.5 });
  });

  it('estimates the duration of a constant-bitrate MP3 without a Xing header from its size', async () => {
    const media = await uploadedAndReadBack(mp3(100), 'tone.mp3');
    expect(media).toMatchObject({ kind: 'audio', contentType: 'audio/mpeg', ...NONE, durationSeconds: 3.6 });
  });

  it('reads duration and frame size of an MP4 whose movie box comes after its media data', async () => {
    const bytes = mp4Movie({
      timescale: 1000, duration: 2500, mediaDataBytes: 100_000,
      tracks: [{ width: 0, height: 0 }, { width: 640, height: 360 }],
    });
    const media = await uploadedAndReadBack(bytes, 'lecture.mp4');
    expect(media).toMatchObject({ kind: 'video', contentType: 'video/mp4', ...NONE, durationSeconds: 2.5, width: 640, height: 360 });
  });

  it('describes a portrait phone video (a landscape frame turned by its matrix) as shown', async () => {
    const bytes = mp4Movie({ timescale: 600, duration: 7413, tracks: [{ width: 1920, height: 1080, turned: true }] });
    const media = await uploadedAndReadBack(bytes, 'phone.mp4');
    // 7413 / 600 = 12.355 s
    expect(media).toMatchObject({ durationSeconds: 12.355, width: 1080, height: 1920 });
  });

  it('gives an M4A its duration and no frame size', async () => {
    const bytes = mp4Movie({ brand: 'M4A ', timescale: 44_100, duration: 3 * 44_100, tracks: [{ width: 0, height: 0 }] });
    const media = await uploadedAndReadBack(bytes, 'podcast.m4a');
    expect(media).toMatchObject({ kind: 'audio', ...NONE, durationSeconds: 3 });
  });

  it('reads duration and frame size of a WebM video', async () => {
    const media = await uploadedAndReadBack(webm(3200, 1280, 720), 'clip.webm');
    expect(media).toMatchObject({ kind: 'video', contentType: 'video/webm', ...NONE, durationSeconds: 3.2, width: 1280, height: 720 });
  });
});

describe('metadata of PDF uploads', () => {
  it('counts the pages of a PDF', async () => {
    const media = await uploadedAndReadBack(await pdfWithPages(3), 'handout.pdf');
    expect(media).toMatchObject({ kind: 'document', contentType: 'application/pdf', ...NONE, pageCount: 3 });
  });
});

describe('files whose metadata cannot be read', () => {
  it.each([
    ['a PDF header followed by garbage', garbledPdf, 'broken.pdf', 'application/pdf'],
    ['a PDF without a page tree', pdf, 'stub.pdf', 'application/pdf'],
    ['a WAV whose format chunk is cut off', truncatedWav, 'cut.wav', 'audio/wav'],
    ['a WebM header followed by garbage', garbledWebm(), 'broken.webm', 'video/webm'],
    ['an MP4 with no movie box', mp4(), 'stub.mp4', 'video/mp4'],
  ])('still stores %s (201), with null metadata', async (_name, bytes, filename, contentType) => {
    const response = await kit.upload(instructor, bytes, { contentType: 'application/octet-stream', filename });
    expect(response.statusCode, response.body).toBe(201);
    const media = response.json<Media>();
    expect(media).toMatchObject({ contentType, size: bytes.length, ...NONE });
    expect((await kit.get(instructor, `/api/v1/media/${media.id}`)).json()).toEqual(media);
    expect((await kit.get(instructor, media.contentUrl)).rawPayload.equals(bytes)).toBe(true);
  });

  it('gives images their dimensions and no duration or page count', async () => {
    const media = await uploadedAndReadBack(await png(40, 30), 'dot.png');
    expect(media).toMatchObject({ width: 40, height: 30, durationSeconds: null, pageCount: null });
  });
});
