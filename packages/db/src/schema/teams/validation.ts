import { z } from 'zod';
import { membershipRoles } from './constants.ts';

export const slugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case letters, digits and single hyphens');
export const membershipRoleSchema = z.enum(membershipRoles);
