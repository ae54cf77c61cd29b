/**
 * Errors the library answers with. Every refusal carries a stable code for programs and a
 * Chinese message for the clerk that says what to do; the HTTP layer turns them into
 * `{ error: { code, message, details? } }` with the status given here.
 */
export class LibraryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Further Chinese lines, e.g. one per template check finding. */
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = "LibraryError";
  }
}

export const notFound = (message: string) => new LibraryError(404, "not_found", message);
export const forbidden = (code: string, message: string) => new LibraryError(403, code, message);
export const unauthorized = (message: string) => new LibraryError(401, "unauthorized", message);
export const badRequest = (code: string, message: string, details?: readonly string[]) =>
  new LibraryError(400, code, message, details);
export const conflict = (code: string, message: string) => new LibraryError(409, code, message);
