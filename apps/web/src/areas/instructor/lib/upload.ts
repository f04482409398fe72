import { API_ORIGIN, authHeaders } from '../../../api/client';
import { ApiError, toProblem } from '../../../api/problem';
import type { ResponseOf } from './api-types';

export type Media = ResponseOf<'/api/v1/media/{mediaId}', 'get'>;

/**
 * Uploads a file as the raw body of `POST /api/v1/media`, reporting progress (0..1) as the bytes leave:
 * fetch cannot report upload progress, XMLHttpRequest can. `signal` cancels the upload.
 */
export async function uploadMedia(file: File, onProgress: (share: number) => void, signal?: AbortSignal): Promise<Media> {
  const headers = await authHeaders();
  return new Promise<Media>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${API_ORIGIN}/api/v1/media?filename=${encodeURIComponent(file.name.slice(0, 255))}`);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(body as Media);
      } else {
        reject(new ApiError(toProblem(body, new Response(null, { status: request.status, statusText: request.statusText }))));
      }
    };
    request.onerror = () => reject(new ApiError({ title: 'network', status: 0 }));
    request.onabort = () => reject(new ApiError({ title: 'aborted', status: 0 }));
    signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
