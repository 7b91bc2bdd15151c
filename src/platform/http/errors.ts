// Application errors carry a stable code; the HTTP layer renders them as problem+json.
export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, unknown>;
  /** Overrides the catalogue text (used for import reasons that are already sentences). */
  text?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const staleVersion = () => new AppError(409, 'conflict.stale_version');
export const validationFailed = (fieldErrors: FieldError[]) => new AppError(400, 'validation.failed', {}, fieldErrors);
