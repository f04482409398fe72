import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { TestTenant } from '@tessera/platform/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startMediaKit, TEST_VIDEO_LIMIT, type MediaKit } from './fixtures/media/media-kit.js';
import { brokenPng, exe, html, jpegWithExif, mp4, pdf, png, svgWithScript } from './fixtures/media/samples.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MB = 1024 * 1024;

let kit: MediaKit;
let instructor: TestTenant;

beforeAll(async () => {
  kit = await startMediaKit();
  instructor = await kit.instructor();
});

afterAll(async () => {
  await kit?.close();
});

describe('POST /media: accepted files', () => {
  it('stores a PNG with its dimensions, digest and a 320-pixel WebP thumbnail', async () => {
    const bytes = await png(800, 600);
    const response = await kit.upload(instructor, bytes, { contentType: 'image/png', filename: 'diagram.png' });
    expect(response.statusCode, response.body).toBe(201);
    const media = response.json();
    expect(response.headers.location).toBe(`/api/v1/media/${media.id}`);
    expect(media).toMatchObject({
      kind: 'image', contentType: 'image/png', filename: 'diagram.png', size: bytes.length, sha256: sha256(bytes),
      width: 800, height: 600, uploadedBy: instructor.subject,
      thumbnail: { contentType: 'image/webp', width: 320, height: 240 },
      contentUrl: `/api/v1/media/${media.id}/content`, thumbnailUrl: `/api/v1/media/${media.id}/thumbnail`,
    });
    expect((await kit.get(instructor, `/api/v1/media/${media.id}`)).json()).toEqual(media);

    const content = await kit.get(instructor, media.contentUrl);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.rawPayload.equals(bytes)).toBe(true);

    const thumbnail = await kit.get(instructor, media.thumbnailUrl);
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    expect(thumbnail.headers.etag).toBe(`"${media.thumbnail.sha256}"`);
    const decoded = await sharp(thumbnail.rawPayload).metadata();
    expect([decoded.format, decoded.width, decoded.height]).toEqual(['webp', 320, 240]);
  });

  it('reports a JPEG as displayed (EXIF orientation applied) and strips its EXIF from the thumbnail only', async () => {
    const bytes = await jpegWithExif();
    const media = await kit.uploaded(instructor, bytes, 'image/jpeg', 'portrait.jpg');
    expect(media).toMatchObject({ contentType: 'image/jpeg', width: 480, height: 640, thumbnail: { width: 240, height: 320 } });
    const thumbnail = (await kit.get(instructor, media.thumbnailUrl!)).rawPayload;
    const metadata = await sharp(thumbnail).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(thumbnail.includes('Secret Camera Owner')).toBe(false);
    // The original is kept byte for byte: it is what the author uploaded.
    expect((await kit.get(instructor, media.contentUrl)).rawPayload.equals(bytes)).toBe(true);
  });

  it('trusts the content over the declared type within a family, and fixes the extension of the name', async () => {
    const bytes = await jpegWithExif();
    const media = await kit.uploaded(instructor, bytes, 'image/png', '../../etc/holiday.png');
    expect(media).toMatchObject({ contentType: 'image/jpeg', filename: 'holiday.jpg' });
    const unnamed = await kit.uploaded(instructor, await png(10, 10), 'application/octet-stream');
    expect(unnamed.filename).toBe(`${unnamed.id}.png`);
    const untyped = await kit.upload(instructor, await png(10, 10), { contentType: null, filename: 'a\u0000b\r\n.png' });
    expect(untyped.statusCode, untyped.body).toBe(201);
    expect(untyped.json()).toMatchObject({ contentType: 'image/png', filename: 'a_b_.png' });
  });

  it('stores video and PDF without a thumbnail; the PDF is offered as a download', async () => {
    const video = await kit.uploaded(instructor, mp4(), 'video/mp4', 'intro.mp4');
    expect(video).toMatchObject({ kind: 'video', contentType: 'video/mp4', width: null, height: null, thumbnail: null, thumbnailUrl: null });
    expectProblem(await kit.get(instructor, `${video.contentUrl.replace('/content', '/thumbnail')}`), 404, 'MEDIA.NO_THUMBNAIL');

    const document = await kit.uploaded(instructor, pdf, 'application/pdf', 'Skript für Woche 1.html');
    expect(document).toMatchObject({ kind: 'document', contentType: 'application/pdf', filename: 'Skript für Woche 1.pdf' });
    const content = await kit.get(instructor, document.contentUrl);
    expect(content.headers['content-disposition']).toBe(`attachment; filename="Skript f_r Woche 1.pdf"; filename*=UTF-8''Skript%20f%C3%BCr%20Woche%201.pdf`);
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-security-policy']).toContain('sandbox');
    expect((await kit.get(instructor, video.contentUrl)).headers['content-disposition']).toBeUndefined();
  });
});

describe('POST /media: refused files', () => {
  it.each([
    ['a Windows executable named photo.png', exe, 'image/png', 'application/x-msdownload'],
    ['an HTML page with script', html, 'image/png', null],
    ['an SVG with script', svgWithScript, 'image/svg+xml', 'application/xml'],
  ])('refuses %s by its content (415) and stores nothing', async (_name, bytes, contentType, detected) => {
    const tenant = await kit.instructor();
    const problem = expectProblem(await kit.upload(tenant, bytes, { contentType, filename: 'photo.png' }), 415, 'MEDIA.TYPE_NOT_ALLOWED');
    expect(problem.detectedType).toBe(detected);
    expect(problem.acceptedTypes).toContain('image/png');
    expect(await kit.storedFiles(tenant)).toEqual([]);
  });

  it('refuses a file whose declared type is of another family (a PDF sent as an image)', async () => {
    const problem = expectProblem(await kit.upload(instructor, pdf, { contentType: 'image/png' }), 415, 'MEDIA.TYPE_MISMATCH');
    expect(problem).toMatchObject({ declaredType: 'image/png', detectedType: 'application/pdf' });
  });

  it('refuses an image that cannot be decoded (422) and removes what was stored', async () => {
    const tenant = await kit.instructor();
    expectProblem(await kit.upload(tenant, await brokenPng(), { contentType: 'image/png' }), 422, 'MEDIA.IMAGE_UNREADABLE');
    expect(await kit.storedFiles(tenant)).toEqual([]);
  });

  it('refuses an empty body, and a JSON body', async () => {
    expectProblem(await kit.upload(instructor, Buffer.alloc(0), { contentType: 'image/png' }), 400, 'MEDIA.EMPTY');
    expectProblem(await kit.upload(instructor, Buffer.alloc(0), { contentType: null }), 400, 'MEDIA.EMPTY');
    expectProblem(await kit.upload(instructor, Buffer.from('{"file":"x"}'), { contentType: 'application/json' }), 415, 'MEDIA.TYPE_NOT_ALLOWED');
  });

  it('refuses an image over 10 MB from its Content-Length before storing it (413)', async () => {
    const tenant = await kit.instructor();
    const oversize = Buffer.concat([await png(16, 16), Buffer.alloc(10 * MB)]);
    const problem = expectProblem(await kit.upload(tenant, oversize, { contentType: 'image/png' }), 413, 'MEDIA.TOO_LARGE');
    expect(problem).toMatchObject({ limit: 10 * MB, kind: 'image' });
    expect(await kit.storedFiles(tenant)).toEqual([]);
  });

  it('stops a streamed upload without Content-Length at the limit of its type (413) and keeps nothing', async () => {
    const tenant = await kit.instructor();
    const chunks = (function* video() {
      yield mp4(4096);
      for (let i = 0; i < 100; i++) yield Buffer.alloc(16 * 1024, 1);
    })();
    const response = await kit.upload(tenant, Readable.from(chunks), { contentType: 'video/mp4', headers: { 'transfer-encoding': 'chunked' } });
    expect(TEST_VIDEO_LIMIT).toBeLessThan(100 * 16 * 1024);
    const problem = expectProblem(response, 413, 'MEDIA.TOO_LARGE');
    // No size in the detail: the limit was hit while streaming, not read from a Content-Length.
    expect(problem).toMatchObject({ limit: TEST_VIDEO_LIMIT, kind: 'video', detail: `The file is larger than the ${TEST_VIDEO_LIMIT} bytes allowed for video files` });
    expect(await kit.storedFiles(tenant)).toEqual([]);
  });
});

describe('who may upload and read', () => {
  it('lets a student read media but not upload it (403); anonymous callers get 401', async () => {
    const media = await kit.uploaded(instructor, await png(20, 20), 'image/png');
    const student = await kit.member(instructor, ['student']);
    expectProblem(await kit.upload(student, await png(20, 20), { contentType: 'image/png' }), 403);
    expect((await kit.get(student, `/api/v1/media/${media.id}`)).statusCode).toBe(200);
    expect((await kit.get(student, media.contentUrl)).statusCode).toBe(200);
    const anonymous = await kit.app.inject({ method: 'GET', url: media.contentUrl });
    expectProblem(anonymous, 401);
    const admin = await kit.member(instructor, ['tenant_admin']);
    await kit.uploaded(admin, await png(20, 20), 'image/png');
  });

  it('gives another tenant 404 for the metadata, content and thumbnail', async () => {
    const media = await kit.uploaded(instructor, await png(30, 30), 'image/png');
    const other = await kit.instructor();
    for (const url of [`/api/v1/media/${media.id}`, media.contentUrl, media.thumbnailUrl!]) {
      expectProblem(await kit.get(other, url), 404, 'MEDIA.NOT_FOUND');
    }
  });

  it('answers 400 for an id that is not a uuid', async () => {
    expectProblem(await kit.get(instructor, '/api/v1/media/not-a-uuid/content'), 400);
  });
});
