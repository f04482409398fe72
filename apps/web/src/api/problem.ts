/** An RFC 9457 problem as the API sends it, with Tessera's `code` and per-field `errors`. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  /** Per-field errors: a JSON pointer into the request (`/body/email`) and what is wrong there. */
  errors?: { pointer?: string; detail: string }[];
}

/** A failed API call: components show `problem` in plain words (see `problemText`). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

/** Whatever a failed response carried, as a problem (a proxy's HTML error page becomes its status text). */
export function toProblem(body: unknown, response: Response | undefined): Problem {
  if (body && typeof body === 'object' && 'title' in body) {
    const problem = body as Partial<Problem>;
    return { ...problem, title: String(problem.title), status: Number(problem.status ?? response?.status ?? 0) };
  }
  if (!response) return { title: 'network', status: 0 };
  return { title: response.statusText || `HTTP ${response.status}`, status: response.status };
}

/** Any thrown value as an ApiError, so screens handle one kind of failure. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TypeError) return new ApiError({ title: 'network', status: 0 });
  return new ApiError({ title: error instanceof Error ? error.message : String(error), status: 0 });
}
