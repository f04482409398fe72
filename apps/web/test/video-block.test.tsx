// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VideoBlock } from '../src/areas/student/lesson/VideoBlock';
import { json } from './support/fake-api';
import { renderScreen } from './support/render';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());

afterEach(cleanup);

const MEDIA = {
  id: 'm1', kind: 'video', filename: 'lecture.mp4', contentType: 'video/mp4', size: 1000, sha256: 'x'.repeat(64), width: 640, height: 360,
  durationSeconds: 600, pageCount: null, thumbnail: null, contentUrl: '/api/v1/media/m1/content', thumbnailUrl: null, createdAt: '2026-01-01T00:00:00.000Z',
};

describe('the lesson video', () => {
  it('streams from a signed link, and takes a fresh link (keeping the position) when the old one expires', async () => {
    let issued = 0;
    api.answer((method, path) => {
      if (method === 'GET' && path === '/api/v1/media/m1') return json(MEDIA);
      if (method === 'GET' && path === '/api/v1/media/m1/links') {
        issued += 1;
        return json({ contentUrl: `/api/v1/media-links/content?token=t${issued}`, thumbnailUrl: null, expiresAt: new Date(Date.now() + 900_000).toISOString() });
      }
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderScreen(<VideoBlock mediaId="m1" title="Lecture" />);
    const video = await screen.findByLabelText('Lecture');
    expect(video.getAttribute('src')).toMatch(/\/api\/v1\/media-links\/content\?token=t1$/);

    Object.defineProperty(video, 'currentTime', { value: 123.4, configurable: true, writable: true });
    await act(async () => {
      fireEvent.error(video);
    });
    await vi.waitFor(() => expect(screen.getByLabelText('Lecture').getAttribute('src')).toMatch(/token=t2$/));
    expect(localStorage.getItem('tessera.video-position.m1')).toBe('123');
  });
});
