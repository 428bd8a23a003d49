// The dashboard's Optuna upload: what the browser checks before sending a file to `studyImportOptuna`.
import { timeZoneIssue } from '@tuneboard/contract';

/** The API's cap on an uploaded Optuna file (apps/api resolvers/import.ts OPTUNA_UPLOAD_MAX_BYTES). */
export const OPTUNA_UPLOAD_MAX_BYTES = 1024 * 1024;

/** Why a chosen file cannot be sent, or null when it can (the API checks the same again). */
export function uploadProblem(
  file: { name: string; size: number } | null | undefined,
  studyName: string,
): string | null {
  if (!file) return 'Choose an Optuna SQLite file (the FILE.db of storage="sqlite:///FILE.db").';
  if (file.size > OPTUNA_UPLOAD_MAX_BYTES) {
    return `${file.name} has ${file.size.toLocaleString('en')} bytes; uploads take at most ${OPTUNA_UPLOAD_MAX_BYTES.toLocaleString('en')} (1 MiB). Import larger storages with the admin CLI: npm run admin -w @tuneboard/api -- import optuna.`;
  }
  if (studyName.trim().length === 0) return 'Name the Optuna study to import (its study_name).';
  return null;
}

/** Why the writing machine's time zone is refused (the contract's rule; the API checks it again), or null. */
export function timeZoneProblem(timeZone: string): string | null {
  return timeZoneIssue(timeZone.trim())?.message ?? null;
}

/**
 * The zone the dialog starts with: the browser's (an Optuna storage is most often written on the machine the
 * dashboard is opened from), UTC where the browser names none.
 */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && !timeZoneIssue(zone) ? zone : 'UTC';
}

/** Bytes as base64, in chunks so that a 1-MiB file does not overflow `String.fromCharCode`'s argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
