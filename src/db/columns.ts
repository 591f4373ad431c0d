import { timestamp } from 'drizzle-orm/pg-core';

/** Every time is stored in UTC. */
export const utcTimestamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const createdAt = () => utcTimestamp('created_at').notNull().defaultNow();
