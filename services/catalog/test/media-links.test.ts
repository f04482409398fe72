import { ResourceLinks } from '@tessera/platform';
import type { TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Media, MediaLinks } from '../src/media/media.schemas.js';
import { expectProblem, startMediaKit, type MediaKit } from './fixtures/media/media-kit.js';
import { mp4, png } from './fixtures/media/samples.js';

let kit: MediaKit;
let instructor: TestTenant;
let student: TestTenant;
let video: Media;
let image: Media;
let videoBytes: Buffer;

beforeAll(async () => {
  kit = await startMediaKit();
  instructor = await kit.instructor();
  student = await kit.member(instructor, ['student']);
  videoBytes = mp4(6_000);
  video = await kit.uploaded(instructor, videoBytes, 'video/mp4', 'lecture.mp4');
  image = await kit.uploaded(instructor, await png(640, 480), 'image/png', 'diagram.png');
});

afterAll(async () => {
  await kit?.close();
});

/** A request with no credential at all, as a browser's <video> makes it. */
const anonymous = (url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') => kit.app.inject({ method, url, headers });

async function linksOf(who: TestTenant, media: Media): Promise<MediaLinks> {
  const response = await kit.get(who, `/api/v1/media/${media.id}/links`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['cache-control']).toBe('private, no-store');
  return response.json<MediaLinks>();
}

describe('signed media links', () => {
  it('serve the file, its ranges and HEAD without an Authorization header, for 15 minutes', async () => {
    const links = await linksOf(student, video);
    const expiresIn = Date.parse(links.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(14 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60_000);
    expect(links.thumbnailUrl).toBeNull();

    const whole = await anonymous(links.contentUrl);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(videoBytes)).toBe(true);
    expect(whole.headers['content-type']).toBe('video/mp4');

    const range = await anonymous(links.contentUrl, { range: 'bytes=100-199' });
    expect(range.statusCode).toBe(206);
    expect(range.rawPayload.equals(videoBytes.subarray(100, 200))).toBe(true);
    expect((await anonymous(links.contentUrl, {}, 'HEAD')).headers['content-length']).toBe(String(videoBytes.length));
  });

  it('link an image\'s thumbnail too', async () => {
    const links = await linksOf(student, image);
    const thumbnail = await anonymous(links.thumbnailUrl!);
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
  });

  it('refuse a forged or altered link, an access token in its place, and a link used as an access token', async () => {
    const links = await linksOf(student, video);
    const token = new URL(links.contentUrl, 'http://x').searchParams.get('token')!;
    const altered = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expectProblem(await anonymous(`/api/v1/media-links/content?token=${altered}`), 401, 'AUTH.LINK_INVALID');
    const accessToken = student.authorization.replace('Bearer ', '');
    expectProblem(await anonymous(`/api/v1/media-links/content?token=${accessToken}`), 401, 'AUTH.LINK_INVALID');
    expectProblem(await kit.app.inject({ method: 'GET', url: video.contentUrl, headers: { authorization: `Bearer ${token}` } }), 401);
    expectProblem(await anonymous('/api/v1/media-links/content?token=not-a-token-at-all-but-long-enough'), 401, 'AUTH.LINK_INVALID');
  });

  it('refuse a link to another kind of resource, and a link to media that is not there', async () => {
    const links = new ResourceLinks(kit.platform.keys, kit.platform.config.TESSERA_ISSUER);
    const other = await links.issue(instructor.tenantId, `catalog.item:${video.id}`);
    expectProblem(await anonymous(`/api/v1/media-links/content?token=${other.token}`), 401, 'AUTH.LINK_INVALID');
    const missing = await links.issue(instructor.tenantId, 'catalog.media:00000000-0000-4000-8000-000000000000');
    expectProblem(await anonymous(`/api/v1/media-links/content?token=${missing.token}`), 404, 'MEDIA.NOT_FOUND');
  });

  it('are only issued for the caller\'s own tenant\'s media', async () => {
    const stranger = await kit.instructor();
    expectProblem(await kit.get(stranger, `/api/v1/media/${video.id}/links`), 404, 'MEDIA.NOT_FOUND');
    const links = new ResourceLinks(kit.platform.keys, kit.platform.config.TESSERA_ISSUER);
    // A link minted for another tenant cannot reach this tenant's file: the tenant is part of the signed link.
    const crossed = await links.issue(stranger.tenantId, `catalog.media:${video.id}`);
    expectProblem(await anonymous(`/api/v1/media-links/content?token=${crossed.token}`), 404, 'MEDIA.NOT_FOUND');
  });
});
