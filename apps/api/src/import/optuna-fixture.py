"""Builds Optuna studies for the import test (apps/api/src/import/optuna.test.ts) into a storage URL.

    python3 optuna-fixture.py sqlite:////tmp/x.db            # builds the studies
    python3 optuna-fixture.py sqlite:////tmp/x.db --show mixed  # prints a study's trials as Optuna reads them

Study "mixed": float, log float, stepped float, int, log int, stepped int and categorical parameters, a median
pruner with intermediate values, pruned and failed trials, one value set to +inf; user attributes: a short string
on each trial, a dict on trial 2, a string and a list on the study. Study "two": two objectives (minimize,
maximize) with metric names. Prints a JSON summary.
"""

import json
import math
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)
storage = sys.argv[1]


def finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return value


if len(sys.argv) > 3 and sys.argv[2] == "--show":
    study = optuna.load_study(study_name=sys.argv[3], storage=storage)
    print(json.dumps({
        "directions": [d.name for d in study.directions],
        "user_attrs": study.user_attrs,
        "trials": [
            {
                "number": t.number,
                "state": t.state.name,
                "params": t.params,
                "values": None if t.values is None else [finite(v) for v in t.values],
                "curve": [[step, finite(v)] for step, v in sorted(t.intermediate_values.items())],
                "user_attrs": t.user_attrs,
            }
            for t in study.trials
        ],
    }))
    sys.exit(0)

mixed = optuna.create_study(
    study_name="mixed",
    storage=storage,
    sampler=optuna.samplers.RandomSampler(seed=3),
    pruner=optuna.pruners.MedianPruner(n_startup_trials=3, n_warmup_steps=0),
)
mixed.set_user_attr("dataset", "mnist")
mixed.set_user_attr("layers", [64, 32])


def objective(trial: optuna.Trial) -> float:
    x = trial.suggest_float("x", -5.0, 5.0)
    lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    drop = trial.suggest_float("dropout", 0.0, 0.5, step=0.1)
    units = trial.suggest_int("units", 1, 8)
    width = trial.suggest_int("width", 16, 256, log=True)
    layers = trial.suggest_int("layers", 2, 10, step=2)
    opt = trial.suggest_categorical("optimizer", ["adam", "sgd", "rmsprop"])
    trial.set_user_attr("note", f"run {trial.number}")
    if trial.number == 2:
        trial.set_user_attr("history", {"loss": [1.5, 2]})
    if trial.number == 5:
        raise ValueError("diverged")
    value = (x - 1) ** 2 + math.log10(lr) ** 2 * 0.1 + drop + units * 0.01 + width * 0.001 + layers * 0.1 + (opt == "sgd")
    for step in range(4):
        trial.report(value + (3 - step) * (1 + trial.number % 3), step)
        if trial.should_prune():
            raise optuna.TrialPruned()
    if trial.number == 7:
        return float("inf")
    return value


mixed.optimize(objective, n_trials=16, catch=(ValueError,))

two = optuna.create_study(study_name="two", storage=storage, directions=["minimize", "maximize"], sampler=optuna.samplers.RandomSampler(seed=4))
two.set_metric_names(["loss", "accuracy"]) if hasattr(two, "set_metric_names") else None


def pair(trial: optuna.Trial):
    a = trial.suggest_float("a", 0.0, 1.0)
    b = trial.suggest_categorical("b", [1, 2, 3])
    return a * b, 1 - a


two.optimize(pair, n_trials=6)
print(json.dumps({"optuna": optuna.__version__, "mixed": [t.state.name for t in mixed.trials], "two": len(two.trials)}))
