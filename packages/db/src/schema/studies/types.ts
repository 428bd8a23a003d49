import type { Direction } from './constants.ts';

/** One optimisation target of a study, e.g. `{ name: 'val_loss', direction: 'minimize' }`. */
export interface StudyObjective {
  name: string;
  direction: Direction;
}

/** JSON documents kept as they were validated by the API (`@tuneboard/tuning` owns their shape). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
