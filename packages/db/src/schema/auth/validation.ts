import { z } from 'zod';
import { apiTokenScopes } from './constants.ts';

export const emailSchema = z.string().trim().toLowerCase().email().max(254);
export const apiTokenScopeSchema = z.enum(apiTokenScopes);
