export * from '#src/org/schema.ts';
export * from '#src/auth/schema.ts';
export * from '#src/imports/schema.ts';
export * from '#src/metrics/schema.ts';
export * from '#src/notifications/schema.ts';
export * from '#src/api/schema.ts';
export * from '#src/speakup/schema.ts';
export * from '#src/board/schema.ts';
