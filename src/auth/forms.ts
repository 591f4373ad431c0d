import { z } from 'zod';
import { ROLES } from './permissions.ts';

export const SignInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').pipe(z.email('Enter an email address in the correct format, like name@nhs.net')),
  password: z.string().min(1, 'Enter your password'),
  next: z.string().optional(),
});
export type SignIn = z.infer<typeof SignInSchema>;

export const NewAccountSchema = z.object({
  email: z.string().trim().min(1, 'Enter an email address').pipe(z.email('Enter an email address in the correct format, like name@nhs.net')),
  displayName: z.string().trim().min(1, 'Enter the person’s name').max(120, 'Name must be 120 characters or fewer'),
  password: z
    .string()
    .max(200, 'Password must be 200 characters or fewer')
    .refine((value) => value === '' || value.length >= 12, 'Password must be 12 characters or more')
    .optional(),
});
export type NewAccount = z.infer<typeof NewAccountSchema>;

export const NewGrantSchema = z.object({
  role: z.enum(ROLES, { message: 'Select a role' }),
  unitId: z.coerce.number({ message: 'Select an organisation unit' }).int().positive('Select an organisation unit'),
});
export type NewGrant = z.infer<typeof NewGrantSchema>;

/**
 * Only same-site paths: an open redirect after sign-in would be a phishing aid. Browsers drop tabs
 * and newlines and read backslashes as slashes, so any of those (or a second leading slash) is refused.
 */
export function safeNextPath(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  const isUnsafe = (ch: string) => ch === '\\' || ch.charCodeAt(0) <= 0x20 || ch.charCodeAt(0) === 0x7f;
  if ([...next].some(isUnsafe)) return '/';
  return next;
}
