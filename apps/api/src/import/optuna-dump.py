"""Reads one study of an Optuna SQLite storage (RDB schema of Optuna 3.x and 4.x) and prints it as JSON.

    python3 optuna-dump.py STORAGE.db STUDY_NAME

Standard library only (sqlite3), read-only; Optuna itself need not be installed. Non-finite floats are written
as the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers). The Tuneboard admin's `import optuna`
runs it and maps the result (apps/api/src/import/optuna.ts).
"""

import json
import math
import sqlite3
import sys


def clean(value):
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return value


# What this script reads. Each must be a plain table of the file: a view (or a virtual table, or a generated column)
# runs the file's own SQL on every read, and a few bytes of it (an endless recursive view) would keep the reader
# busy and growing until it is killed.
READ = (
    "alembic_version", "studies", "trials", "study_directions", "study_system_attributes", "trial_params",
    "trial_values", "trial_intermediate_values", "trial_user_attributes", "study_user_attributes",
)
# Longest text or blob a read may produce (an Optuna value is a few bytes of JSON; a plain table holds no more
# than the file).
MAX_LENGTH = 16 * 1024 * 1024


def not_plain(con, path):
    """Why the file's objects this script reads are not plain tables, or None."""
    objects = con.execute("select name, type, coalesce(sql, '') from sqlite_master").fetchall()
    for name, kind, sql in objects:
        if name not in READ:
            continue
        if kind != "table" or sql.lstrip()[:14].upper() == "CREATE VIRTUAL":
            return f"{path} is not an Optuna storage: {name} is a {'virtual table' if kind == 'table' else kind}, not a table"
        if any(column[6] != 0 for column in con.execute(f'pragma table_xinfo("{name}")')):
            return f"{path} is not an Optuna storage: {name} has generated or hidden columns"
    return None


def main() -> None:
    path, name = sys.argv[1], sys.argv[2]
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
    con.row_factory = sqlite3.Row

    def rows(query, *args):
        return [{k: clean(row[k]) for k in row.keys()} for row in con.execute(query, args)]

    tables = {row["name"] for row in rows("select name from sqlite_master where type = 'table'")}
    if "studies" not in tables or "trials" not in tables:
        print(json.dumps({"error": f"{path} is not an Optuna storage (no studies and trials tables)"}))
        return
    refused = not_plain(con, path)
    if refused:
        print(json.dumps({"error": refused}))
        return
    alembic = rows("select version_num from alembic_version") if "alembic_version" in tables else []
    studies = rows("select study_id, study_name from studies order by study_id")
    match = [s for s in studies if s["study_name"] == name]
    out = {
        "alembic": alembic[0]["version_num"] if alembic else None,
        "studyNames": [s["study_name"] for s in studies][:100],
        "study": match[0] if match else None,
    }
    if match:
        sid = match[0]["study_id"]
        join = "join trials t on t.trial_id = x.trial_id where t.study_id = ?"
        out.update(
            directions=rows("select objective, direction from study_directions where study_id = ? order by objective", sid),
            studySystemAttributes=rows("select key, value_json from study_system_attributes where study_id = ?", sid),
            trials=rows("select trial_id, number, state, datetime_start, datetime_complete from trials where study_id = ? order by number", sid),
            params=rows(f"select x.trial_id, x.param_name, x.param_value, x.distribution_json from trial_params x {join}", sid),
            values=rows(f"select x.trial_id, x.objective, x.value, x.value_type from trial_values x {join}", sid),
            intermediate=rows(
                f"select x.trial_id, x.step, x.intermediate_value, x.intermediate_value_type from trial_intermediate_values x {join} order by x.step",
                sid,
            ),
            userAttributes=rows(f"select x.trial_id, x.key, x.value_json from trial_user_attributes x {join} order by x.trial_user_attribute_id", sid),
            studyUserAttributes=rows("select key, value_json from study_user_attributes where study_id = ? order by study_user_attribute_id", sid),
        )
    print(json.dumps(out, allow_nan=False))


main()
