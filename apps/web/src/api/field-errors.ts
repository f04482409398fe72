import type { ApiError } from './problem';

/**
 * Whether the API's problem names `field` of the request body (`/body/<field>`): forms show their own words
 * for it next to the field. The API's validation details are English and technical ("must match pattern"),
 * and a nullable field repeats itself ("must be null"), so forms say what to write instead.
 */
export function namesField(error: ApiError | null | undefined, field: string): boolean {
  return error?.problem.errors?.some((entry) => entry.pointer === `/body/${field}`) ?? false;
}

/** The API's first word about `field`, for a form that has no words of its own for it. */
export function fieldDetail(error: ApiError | null | undefined, field: string): string | undefined {
  return error?.problem.errors?.find((entry) => entry.pointer === `/body/${field}`)?.detail;
}
