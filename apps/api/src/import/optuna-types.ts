// What the Optuna storage readers (optuna-read.ts) hand to the mapping (optuna.ts).

/** A refusal that names what cannot be imported, and why. */
export class OptunaImportError extends Error {
  /** The input the refusal is about (`name`, `sampler`); by default the file. */
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type Num = number | string | null;

/** One study of an Optuna storage, as read from its tables (from SQLite, non-finite floats as strings). */
export interface OptunaDump {
  error?: string;
  alembic: string | null;
  studyNames: string[];
  study: { study_id: number; study_name: string } | null;
  directions?: { objective: number; direction: string }[];
  studySystemAttributes?: { key: string; value_json: string }[];
  studyUserAttributes?: { key: string; value_json: string }[];
  trials?: {
    trial_id: number;
    number: number;
    state: string;
    datetime_start: string | null;
    datetime_complete: string | null;
  }[];
  params?: { trial_id: number; param_name: string; param_value: Num; distribution_json: string }[];
  values?: { trial_id: number; objective: number; value: Num; value_type: string }[];
  intermediate?: {
    trial_id: number;
    step: number;
    intermediate_value: Num;
    intermediate_value_type: string;
  }[];
  userAttributes?: { trial_id: number; key: string; value_json: string }[];
}
