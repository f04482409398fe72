import { API_ORIGIN, authHeaders } from '../../../api/client';
import { ApiError, toProblem } from '../../../api/problem';

/**
 * Downloads an authenticated API resource as a file. The API takes a bearer token only (no cookie, no
 * signed link), so a plain link cannot carry the credential: fetch it, then hand the browser a blob.
 */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const response = await fetch(`${API_ORIGIN}${path}`, { headers: await authHeaders() });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(toProblem(body, response));
  }
  saveBlob(await response.blob(), filename);
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
