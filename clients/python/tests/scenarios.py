"""Scenarios the API's test suite (apps/api/src/python-client.test.ts) runs against a real API.

    python3 scenarios.py '{"TUNEBOARD_URL": ..., "TUNEBOARD_TOKEN": ..., "TB_PROJECT": "team/project"}' optimize

The first argument is put into the environment (a WRITE token of the team, the project); each scenario prints
one JSON line with what it saw, and the test checks it and the API's own records.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.update(json.loads(sys.argv.pop(1)))

import tuneboard as tb  # noqa: E402 - after the path and settings above

PROJECT = os.environ.get("TB_PROJECT", "")


def out(**result: object) -> None:
    print(json.dumps(result), flush=True)


def optimize() -> None:
    """A quadratic, two jobs in parallel, to the end of the study's budget."""
    with tb.Client() as client:
        study = client.create_study(
            project=PROJECT,
            name=os.environ.get("TB_STUDY_NAME", "quadratic"),
            space={"x": {"type": "float", "low": -5, "high": 5}, "y": {"type": "float", "low": -5, "high": 5}},
            sampler={"kind": "random", "seed": 1},
            directions=["minimize"],
            n_trials=12,
            max_parallel=2,
        )
        # The first two trials wait for each other: they finish only if two were held at the same time.
        both_held = threading.Barrier(2, timeout=60)
        threads = set()
        lock = threading.Lock()

        def quadratic(trial: tb.Trial) -> float:
            with lock:
                threads.add(threading.current_thread().name)
            if trial.number < 2:
                both_held.wait()
            x, y = trial.params["x"], trial.params["y"]
            for step in range(3):
                trial.report(step, (x - 2) ** 2 + (y + 1) ** 2 + 1 / (step + 1))
            return float((x - 2) ** 2 + (y + 1) ** 2)

        study.optimize(quadratic, n_jobs=2)
        trials = study.trials
        out(
            study=study.id,
            status=study.status,
            states=[t["state"] for t in trials],
            threads=len(threads),
            best=study.best_trial,
            best_value=study.best_value,
            values=[t["values"] for t in trials],
            params=[t["params"] for t in trials],
        )


def dataframe() -> None:
    """A short study, then its trials as dicts and as a pandas DataFrame (needs pandas)."""
    with tb.Client() as client:
        study = client.create_study(
            project=PROJECT,
            name="frame",
            space={"x": {"type": "float", "low": -5, "high": 5}, "act": {"type": "categorical", "choices": ["relu", "tanh"]}},
            sampler={"kind": "random", "seed": 2},
            directions=["minimize"],
            n_trials=4,
        )
        study.optimize(lambda trial: float(trial.params["x"] ** 2), n_jobs=1)
        frame = study.trials_dataframe()
        out(
            trials=study.trials,
            columns=[str(c) for c in frame.columns],
            numbers=[int(n) for n in frame["number"]],
            states=[str(s) for s in frame["state"]],
            values=[float(v) for v in frame["values_value"]],
            x=[float(v) for v in frame["params_x"]],
            act=[str(v) for v in frame["params_act"]],
        )


def fail() -> None:
    """An exception in the objective fails its trial: caught ones let the run go on, others stop it."""
    with tb.Client() as client:
        space = {"x": {"type": "int", "low": 0, "high": 9}}
        study = client.create_study(project=PROJECT, name="failing", space=space, sampler={"kind": "random", "seed": 2}, n_trials=4, max_parallel=1)

        def sometimes(trial: tb.Trial) -> float:
            if trial.number == 1:
                raise ValueError(f"boom at x={trial.params['x']}")
            return float(trial.params["x"])

        study.optimize(sometimes, catch=(ValueError,))
        caught = [(t["state"], t["error"]) for t in study.trials]

        second = client.create_study(project=PROJECT, name="raising", space=space, n_trials=5, max_parallel=1)
        raised = None
        try:
            second.optimize(lambda trial: 1 / 0)
        except ZeroDivisionError as error:
            raised = type(error).__name__
        out(
            caught=caught,
            raised=raised,
            raising=[(t["state"], t["error"]) for t in second.trials if t["state"] not in ("PENDING", "RUNNING")],
            held=len(client._held),
        )


def prune() -> None:
    """A median pruner stops trials whose curve is worse than the completed ones, through should_prune()."""
    with tb.Client() as client:
        study = client.create_study(
            project=PROJECT,
            name="pruned",
            space={"x": {"type": "float", "low": 0, "high": 1}},
            metric_names=["loss"],
            pruner={"kind": "median", "startupTrials": 2},
            n_trials=6,
            max_parallel=1,
        )

        def curve(trial: tb.Trial) -> float:
            value = 0.0
            for step in range(5):
                value = 10.0 * trial.number + step
                trial.report(step, loss=value)
                if trial.should_prune():
                    raise tb.TrialPruned()
            return value

        study.optimize(curve)
        curves = []
        for t in study.trials:
            data = client.query(
                'query($id: ID!) { trial(id: $id) { metrics(keys: ["loss"]) { points { step value } } } }', {"id": t["id"]}
            )
            series = data["trial"]["metrics"]
            curves.append([p["step"] for p in series[0]["points"]] if series else [])
        # The same trials as JSON lines, two a request so that the export pages.
        path = os.path.join(tempfile.mkdtemp(), "pruned.jsonl")
        count = study.export_jsonl(path, page_size=2)
        with open(path, encoding="utf-8") as file:
            exported = [json.loads(line) for line in file]
        out(states=[t["state"] for t in study.trials], curves=curves, count=count, exported=exported)


def ask_tell() -> None:
    """ask/tell by hand, the userErrors of a bad request, and a lease kept alive by the heartbeat thread."""
    with tb.Client() as client:
        try:
            client.create_study(project=PROJECT, space={"x": {"type": "float", "low": 3, "high": 1}})
            bad = None
        except tb.UserErrors as error:
            bad = [list(e) for e in error.user_errors]
        study = client.create_study(
            project=PROJECT, name="by-hand", space={"x": {"type": "float", "low": 0, "high": 1}}, directions=["maximize", "minimize"]
        )
        trial = study.ask()
        again = client.study(study.id)
        # Twice the lease (the test's API gives 2 s leases) without a report: the heartbeat keeps the trial ours.
        threading.Event().wait(float(os.environ.get("TB_HOLD_S", "4")))
        told = study.tell(trial, [trial.params["x"], 1 - trial.params["x"]])
        try:
            study.tell(trial, [1, 2])
            stale = None
        except tb.TuneboardError as error:
            stale = type(error).__name__
        wrong = study.ask()
        try:
            study.tell(wrong, 0.5)
            count_error = None
        except tb.UserErrors as error:
            count_error = [list(e) for e in error.user_errors]
        try:
            study.tell(wrong, 0.5, state="PRUNED")
            pruned_with_value = None
        except ValueError as error:
            pruned_with_value = str(error)
        try:
            wrong.report(0, "abc")
            report_text = None
        except TypeError as error:
            report_text = str(error)
        study.tell(wrong, state="FAIL", error="told to fail")
        out(
            pruned_with_value=pruned_with_value,
            report_text=report_text,
            bad=bad,
            told=told,
            attempt=told["attempt"],
            same_study=again.id == study.id,
            stale=stale,
            count_error=count_error,
            directions=study.directions,
        )


def chained() -> None:
    """optimize() tells a trial and claims the next in one request; stopping never leaves a claimed trial held."""
    with tb.Client() as client:
        requests: dict = {}
        query = client.query

        def counted(document: str, variables: object = None) -> dict:
            name = document.split("(")[0].split()[-1]
            requests[name] = requests.get(name, 0) + 1
            return query(document, variables)  # type: ignore[arg-type]

        client.query = counted  # type: ignore[method-assign]
        space = {"x": {"type": "float", "low": 0, "high": 1}}
        study = client.create_study(project=PROJECT, name="chained", space=space, sampler={"kind": "random", "seed": 3}, n_trials=10, max_parallel=2)
        study.optimize(lambda trial: trial["x"], n_trials=4, n_jobs=2)
        counts = dict(requests)
        states = [t["state"] for t in study.trials]

        # A callback that raises after the second trial: the trial claimed with that tell goes back to the queue.
        second = client.create_study(project=PROJECT, name="chained-stop", space=space, n_trials=5, max_parallel=1)

        def stop_after_two(_study: tb.Study, finished: dict) -> None:
            if finished["number"] == 1:
                raise RuntimeError("enough")

        raised = None
        try:
            second.optimize(lambda trial: trial["x"], callbacks=[stop_after_two])
        except RuntimeError as error:
            raised = str(error)
        # load_if_exists finds the study by its exact name (not "chained-stop", which also matches the search).
        again = client.create_study(project=PROJECT, name="chained", space=space, load_if_exists=True)
        out(
            requests=counts,
            states=states,
            reloaded=[again.id == study.id, again.id == second.id],
            raised=raised,
            stopped=[[t["number"], t["state"]] for t in second.trials],
            held=len(client._held),
        )


def tenancy() -> None:
    """A token of another team: every way in answers NotFoundError."""
    study_id = sys.argv[2]
    project = sys.argv[3]
    seen: dict = {}
    with tb.Client() as client:
        for name, attempt in [
            ("study", lambda: client.study(study_id)),
            ("create", lambda: client.create_study(project=project, space={"x": {"type": "float", "low": 0, "high": 1}})),
            ("ask", lambda: tb.Study(client, {"id": study_id, "name": "theirs", "objective": {"kind": "client"}}).ask(timeout=5)),
            ("query", lambda: client.query("query($id: ID!) { study(id: $id) { id } }", {"id": study_id})),
        ]:
            try:
                seen[name] = ["answered", attempt() is not None and str(attempt())]
            except tb.TuneboardError as error:
                seen[name] = [type(error).__name__, str(error), getattr(error, "code", None)]
    with tb.Client(token="tb_not_a_real_token") as stranger:
        for name, attempt in [
            ("bad_token_study", lambda: stranger.study(study_id)),
            ("bad_token_create", lambda: stranger.create_study(project=project, space={"x": {"type": "float", "low": 0, "high": 1}})),
        ]:
            try:
                seen[name] = ["answered", str(attempt())]
            except tb.TuneboardError as error:
                seen[name] = [type(error).__name__, str(error), getattr(error, "code", None)]
    out(**seen)


if __name__ == "__main__":
    {"optimize": optimize, "dataframe": dataframe, "fail": fail, "prune": prune, "ask_tell": ask_tell, "chained": chained, "tenancy": tenancy}[sys.argv[1]]()
