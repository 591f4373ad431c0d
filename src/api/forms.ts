import { z } from 'zod';

export const TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const;

export const NewTokenSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name for the token').max(100, 'The name must be 100 characters or fewer'),
  expiresInDays: z.enum(['30', '90', '365'], { error: 'Select when the token expires' }).transform(Number),
});
