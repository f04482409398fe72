import { API_ORIGIN, authHeaders } from './client';
import { ApiError, toProblem } from './problem';

/** Saves `blob` as a file through a temporary link (no page navigation). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads an authenticated API resource as a file. The API takes a bearer token only (no cookie, no
 * signed link), so a plain link cannot carry the credential: fetch it, then hand the browser a blob.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const response = await fetch(`${API_ORIGIN}${path}`, { headers: await authHeaders() });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(toProblem(body, response));
  }
  saveBlob(await response.blob(), fileName);
}
