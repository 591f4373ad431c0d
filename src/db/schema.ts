export * from '#src/org/schema.ts';
export * from '#src/auth/schema.ts';
