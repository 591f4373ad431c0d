/** Expected failures, each mapped to a status and an NHS error page by app.onError. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 429,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (message = 'Page not found') => new AppError(404, message);
export const forbidden = (message = 'You do not have permission to see this page') => new AppError(403, message);
export const badRequest = (message: string) => new AppError(400, message);
