type Fields = Record<string, unknown>;

function write(level: 'info' | 'warn' | 'error', message: string, fields: Fields): void {
  const entry: Fields = { at: new Date().toISOString(), level, message };
  for (const [key, value] of Object.entries(fields)) {
    entry[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  process.stderr.write(`${JSON.stringify(entry)}\n`);
}

/**
 * Structured logs to stderr. Never log request bodies, suppressed values or anything that could
 * identify a speak-up reporter.
 */
export const logger = {
  info: (message: string, fields: Fields = {}) => write('info', message, fields),
  warn: (message: string, fields: Fields = {}) => write('warn', message, fields),
  error: (message: string, fields: Fields = {}) => write('error', message, fields),
};
