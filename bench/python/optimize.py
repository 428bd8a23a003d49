"""One side of `npm run bench:python`: `study.optimize` on a trivial objective, timed, as one JSON line.

    python3 optimize.py tuneboard URL TOKEN TEAM/PROJECT TRIALS JOBS CLIENT_DIR
    python3 optimize.py optuna STORAGE_URL TRIALS JOBS

Both print the wall-clock seconds of `optimize` and the CPU seconds of their own Python process (all threads).
Both sides sample at random (Tuneboard's `random` sampler, Optuna's RandomSampler) so that what is compared is
the cost of a trial's round trips and storage, not a sampler's model.
"""

import json
import sys
import time


def objective_value(x: float) -> float:
    return (x - 0.3) ** 2


def tuneboard(url: str, token: str, project: str, trials: int, jobs: int, client_dir: str) -> dict:
    sys.path.insert(0, client_dir)
    import tuneboard as tb

    with tb.Client(url, token) as client:
        calls = {}
        query = client.query

        def counted(document, variables=None):
            name = document.split("(")[0].split("{")[0].split()[-1] if document.lstrip().startswith(("query", "mutation")) else "?"
            calls[name] = calls.get(name, 0) + 1
            return query(document, variables)

        client.query = counted  # type: ignore[method-assign]
        study = client.create_study(
            project=project,
            name=f"bench-{jobs}-{time.time_ns()}",
            space={"x": {"type": "float", "low": 0, "high": 1}},
            sampler={"kind": "random", "seed": 1},
            directions=["minimize"],
            n_trials=trials,
            max_parallel=jobs,
        )
        started, cpu = time.perf_counter(), time.process_time()
        study.optimize(lambda trial: objective_value(trial["x"]), n_jobs=jobs)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        done = sum(1 for t in study.trials if t["state"] == "COMPLETE")
    return {"trials": done, "seconds": seconds, "cpu": cpu, "calls": calls}


def optuna_side(storage: str, trials: int, jobs: int) -> dict:
    import optuna

    optuna.logging.set_verbosity(optuna.logging.ERROR)
    study = optuna.create_study(storage=storage, study_name=f"bench-{jobs}-{time.time_ns()}", sampler=optuna.samplers.RandomSampler(seed=1))
    started, cpu = time.perf_counter(), time.process_time()
    study.optimize(lambda trial: objective_value(trial.suggest_float("x", 0, 1)), n_trials=trials, n_jobs=jobs)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    done = sum(1 for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE)
    return {"trials": done, "seconds": seconds, "cpu": cpu, "optuna": optuna.__version__}


if __name__ == "__main__":
    if sys.argv[1] == "tuneboard":
        _, _, url, token, project, trials, jobs, client_dir = sys.argv
        result = tuneboard(url, token, project, int(trials), int(jobs), client_dir)
    else:
        _, _, storage, trials, jobs = sys.argv
        result = optuna_side(storage, int(trials), int(jobs))
    print(json.dumps(result), flush=True)
