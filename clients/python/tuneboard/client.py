"""Standalone mode: a notebook or script with an API token asks for trials, evaluates them and tells the results.

The client registers itself as a runner of the token's team with ``kind: CLIENT`` and claims trials of one
study through the runner protocol (``trialClaim`` with the study's id). While the script holds a trial a
background thread renews its lease (an empty ``trialReport`` is a heartbeat), so a trial can take as long as it
needs; if the process dies, the lease runs out and the API re-queues the trial.
"""

from __future__ import annotations

import atexit
import datetime as _dt
import math
import os
import re
import socket
import threading
import time
import traceback
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import IO, Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Type, Union

from ._transport import Transport, decode_metric, encode_metric
from .errors import (
    NotFoundError,
    StaleLeaseError,
    StudyFinished,
    TrialPruned,
    TuneboardError,
    UnauthenticatedError,
    UserErrors,
)

__all__ = ["Client", "Study", "Trial", "create_study", "load_study"]

Number = Union[int, float]
ObjectiveFunc = Callable[["Trial"], Union[Number, Sequence[Number], None]]

# Statuses after which a study hands out no more trials.
FINAL_STATUSES = ("COMPLETED", "STOPPED", "FAILED")
# Waiting for a trial when none is pending: start fast (a finished trial tops the study up at once), back off to 1 s.
ASK_POLL_FIRST_S = 0.02
ASK_POLL_MAX_S = 1.0
# Renew a held lease after a third of its length without contact (the API gives clients 600 s by default,
# CLIENT_LEASE_SECONDS; the length is read from each lease's expiry).
HEARTBEAT_FRACTION = 1 / 3
DEFAULT_LEASE_S = 60.0
TRIALS_PAGE = 500
#: Trials a page of ``Study.export_jsonl`` (the API allows 1 to 200).
EXPORT_PAGE = 100

_TRIAL_FIELDS = "id number state params values constraints attempt origin error startedAt finishedAt durationSeconds"
_STUDY_FIELDS = "id name status failureReason objectives { name direction } objective budget { maxTrials maxParallel maxFailures } project { id slug team { slug } }"
_CLAIM = """mutation TbClaim($i: TrialClaimInput!) { trialClaim(input: $i) {
  leases { leaseToken leaseExpiresAt trial { id number attempt params } } userErrors { field message code } } }"""
_REPORT = """mutation TbReport($i: TrialReportInput!) { trialReport(input: $i) {
  shouldPrune accepted leaseExpiresAt userErrors { field message code } } }"""
_COMPLETE = f"""mutation TbComplete($i: TrialCompleteInput!) {{ trialComplete(input: $i) {{
  trial {{ {_TRIAL_FIELDS} }} userErrors {{ field message code }} }} }}"""
_FAIL = f"""mutation TbFail($i: TrialFailInput!) {{ trialFail(input: $i) {{
  trial {{ {_TRIAL_FIELDS} }} userErrors {{ field message code }} }} }}"""
_PRUNE = f"""mutation TbPrune($i: TrialPruneInput!) {{ trialPrune(input: $i) {{
  trial {{ {_TRIAL_FIELDS} }} userErrors {{ field message code }} }} }}"""
# A finished trial told and the next one claimed in ONE request: GraphQL runs a mutation's fields in order, and the
# API tops the study up before it answers the first, so the claim sees the trial that replaced the told one.
# optimize() does this; it halves the round trips of a trial.
_CLAIM_FIELD = """trialClaim(input: $c) {
  leases { leaseToken leaseExpiresAt trial { id number attempt params } } userErrors { field message code } }"""
_TELL_THEN_CLAIM = {
    field: f"""mutation Tb{name}Claim($i: {input_type}!, $c: TrialClaimInput!) {{ {field}(input: $i) {{
  trial {{ {_TRIAL_FIELDS} }} userErrors {{ field message code }} }} {_CLAIM_FIELD} }}"""
    for field, name, input_type in (
        ("trialComplete", "Complete", "TrialCompleteInput"),
        ("trialFail", "Fail", "TrialFailInput"),
        ("trialPrune", "Prune", "TrialPruneInput"),
    )
}
_RELEASE = """mutation TbRelease($i: TrialReleaseInput!) { trialRelease(input: $i) {
  trial { id state } userErrors { field message code } } }"""


def _payload(data: Mapping[str, Any], field: str) -> Dict[str, Any]:
    """A mutation's payload, raising :class:`UserErrors` when it has any."""
    payload: Dict[str, Any] = data[field]
    errors = payload.get("userErrors") or []
    if errors:
        raise UserErrors.from_payload(field, errors)
    return payload


def _trial_dict(node: Mapping[str, Any]) -> Dict[str, Any]:
    values = node.get("values")
    constraints = node.get("constraints")
    return {
        "id": node.get("id"),
        "number": node.get("number"),
        "state": node.get("state"),
        "params": node.get("params") or {},
        "values": None if values is None else [decode_metric(v) for v in values],
        "constraints": None if constraints is None else [decode_metric(v) for v in constraints],
        "attempt": node.get("attempt"),
        "origin": node.get("origin"),
        "error": node.get("error"),
        "started_at": node.get("startedAt"),
        "finished_at": node.get("finishedAt"),
        "duration_seconds": node.get("durationSeconds"),
    }


def _parse_time(text: Optional[str]) -> Optional[float]:
    if not text:
        return None
    try:
        return _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def _default_runner_name() -> str:
    host = re.sub(r"[^A-Za-z0-9_.:@-]", "-", socket.gethostname() or "host")
    return f"python@{host}"[:100]


class Client:
    """A connection to a Tuneboard API with an API token (scope WRITE to create studies, RUNNER to run them).

    ``url`` and ``token`` default to the ``TUNEBOARD_URL`` and ``TUNEBOARD_TOKEN`` environment variables. The
    URL may be the server (``http://127.0.0.1:4000``) or its ``/graphql`` endpoint.
    """

    def __init__(
        self,
        url: Optional[str] = None,
        token: Optional[str] = None,
        *,
        runner_name: Optional[str] = None,
        timeout: float = 60.0,
    ) -> None:
        url = url or os.environ.get("TUNEBOARD_URL") or "http://127.0.0.1:4000/graphql"
        token = token or os.environ.get("TUNEBOARD_TOKEN")
        if not token:
            raise TuneboardError("an API token is needed: Client(url, token) or TUNEBOARD_TOKEN (create one in the dashboard)")
        self._transport = Transport(url, token, timeout=timeout)
        self.url = self._transport.url
        self.runner_name = runner_name or _default_runner_name()
        self._runner_id: Optional[str] = None
        self._lock = threading.Lock()
        self._held: Dict[str, "Trial"] = {}
        self._heartbeat: Optional[threading.Thread] = None
        self._closing = threading.Event()
        self._wake = threading.Event()
        # Trials still held when the interpreter exits go back to the queue at once instead of after their lease.
        atexit.register(Client._release_at_exit, weakref.ref(self))

    # -- plain GraphQL ---------------------------------------------------------------------------------------

    def query(self, document: str, variables: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """Runs any GraphQL document (query or mutation) and returns its ``data``.

        Raises :class:`~tuneboard.GraphQLError` (``NotFoundError``, ``ForbiddenError``, ...) when the API refuses
        it. ``userErrors`` of a mutation are part of ``data`` here; the typed methods raise them instead.
        """
        return self._transport.execute(document, variables)

    # -- studies -------------------------------------------------------------------------------------------

    def _project_id(self, project: str) -> str:
        if "/" not in project:
            return project  # a global id
        team_slug, _, project_slug = project.partition("/")
        data = self.query("{ viewer { tokenTeam { slug projects(first: 500) { id slug } } } }")
        if data.get("viewer") is None:
            raise _unknown_token()
        team = data["viewer"].get("tokenTeam")
        if not team:
            raise TuneboardError("this client's credentials act for no team; use an API token of the team")
        if team["slug"] != team_slug:
            raise NotFoundError(
                [{"message": f"project {project!r} not found: this token acts for team {team['slug']!r}", "extensions": {"code": "NOT_FOUND"}}]
            )
        for candidate in team["projects"]:
            if candidate["slug"] == project_slug:
                return str(candidate["id"])
        slugs = ", ".join(p["slug"] for p in team["projects"]) or "none"
        raise NotFoundError(
            [{"message": f"project {project!r} not found (team {team_slug!r} has: {slugs})", "extensions": {"code": "NOT_FOUND"}}]
        )

    def create_study(
        self,
        *,
        project: str,
        space: Mapping[str, Any],
        name: Optional[str] = None,
        directions: Optional[Sequence[str]] = None,
        direction: Optional[str] = None,
        metric_names: Optional[Sequence[str]] = None,
        sampler: Union[str, Mapping[str, Any]] = "auto",
        pruner: Union[None, str, Mapping[str, Any]] = None,
        n_trials: Optional[int] = None,
        max_parallel: Optional[int] = None,
        max_failures: Optional[int] = None,
        description: Optional[str] = None,
        load_if_exists: bool = False,
    ) -> "Study":
        """Creates a study whose trials this client (or any client of the team) asks for and evaluates.

        ``project`` is ``"team/project"`` (slugs) or a project's global id; ``space`` the search space document
        (``{"lr": {"type": "float", "low": 1e-4, "high": 0.1, "log": True}, ...}``); ``directions`` one of
        ``"minimize"``/``"maximize"`` per objective; ``metric_names`` their names (default ``value`` for one,
        ``value_0``, ``value_1``, ... for several): a pruner watches the first one in ``trial.report``.
        ``sampler`` and ``pruner`` are a kind (``"tpe"``) or a settings dict (``{"kind": "median", "warmupSteps": 2}``).
        ``n_trials`` is the study's budget (None: no limit), ``max_parallel`` how many trials may be pending or
        running at once (the API's default is 4).
        """
        if direction is not None and directions is not None:
            raise ValueError("give direction or directions, not both")
        dirs = [direction] if direction is not None else list(directions or ["minimize"])
        for i, value in enumerate(dirs):
            if str(value).lower() not in ("minimize", "maximize"):
                raise ValueError(f"directions[{i}] must be 'minimize' or 'maximize', got {value!r}")
        names = list(metric_names) if metric_names is not None else (["value"] if len(dirs) == 1 else [f"value_{i}" for i in range(len(dirs))])
        if len(names) != len(dirs):
            raise ValueError(f"one metric name per direction: got {len(names)} names for {len(dirs)} directions")
        project_id = self._project_id(project)
        study_name = name or f"python-{_dt.datetime.now().strftime('%Y%m%d-%H%M%S-%f')}"
        if load_if_exists and name:
            existing = self._find_study(project_id, name)
            if existing is not None:
                return existing
        budget: Dict[str, Any] = {}
        if n_trials is not None:
            budget["maxTrials"] = n_trials
        if max_parallel is not None:
            budget["maxParallel"] = max_parallel
        if max_failures is not None:
            budget["maxFailures"] = max_failures
        study_input: Dict[str, Any] = {
            "projectId": project_id,
            "name": study_name,
            "objectives": [{"name": n, "direction": str(d).upper()} for n, d in zip(names, dirs)],
            "space": dict(space),
            "sampler": {"kind": sampler} if isinstance(sampler, str) else dict(sampler),
            "pruner": {"kind": "none"} if pruner is None else ({"kind": pruner} if isinstance(pruner, str) else dict(pruner)),
            "objective": {"kind": "client"},
        }
        if budget:
            study_input["budget"] = budget
        if description is not None:
            study_input["description"] = description
        data = self.query(
            f"mutation TbStudyCreate($i: StudyCreateInput!) {{ studyCreate(input: $i) {{ study {{ {_STUDY_FIELDS} }} userErrors {{ field message code }} }} }}",
            {"i": study_input},
        )
        return Study(self, _payload(data, "studyCreate")["study"])

    def _find_study(self, project_id: str, name: str) -> Optional["Study"]:
        # The team's search, by name within the project, page by page: a project's `studies` list holds only its
        # newest, and an older study of that name must still be found rather than created again.
        data = self.query("query TbProjectTeam($id: ID!) { node(id: $id) { ... on Project { team { id } } } }", {"id": project_id})
        team = ((data.get("node") or {}).get("team") or {}).get("id")
        if not team:
            return None
        after: Optional[str] = None
        while True:
            data = self.query(
                "query TbFindStudy($team: ID!, $filter: StudySearchFilter, $after: String) { searchStudies(teamId: $team, "
                "filter: $filter, first: 100, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }",
                {"team": team, "filter": {"name": name[:200], "projectIds": [project_id]}, "after": after},
            )
            page = data["searchStudies"]
            for study in page["nodes"]:
                if study["name"] == name:
                    return self.study(study["id"])
            if not page["pageInfo"]["hasNextPage"]:
                return None
            after = page["pageInfo"]["endCursor"]

    def study(self, study_id: str) -> "Study":
        """A study by its global id (shown in the dashboard's URL and by ``Study.id``)."""
        data = self.query(f"query TbStudy($id: ID!) {{ study(id: $id) {{ {_STUDY_FIELDS} }} viewer {{ tokenScope }} }}", {"id": study_id})
        if not data.get("study"):
            if data.get("viewer") is None:
                raise _unknown_token()
            raise NotFoundError([{"message": f"study {study_id!r} not found for this token", "extensions": {"code": "NOT_FOUND"}}])
        return Study(self, data["study"])

    # -- the runner side -----------------------------------------------------------------------------------

    def _runner(self) -> str:
        with self._lock:
            if self._runner_id is None:
                data = self.query(
                    "mutation TbRegister($i: RunnerRegisterInput!) { runnerRegister(input: $i) { runner { id } userErrors { field message code } } }",
                    {
                        "i": {
                            "name": self.runner_name,
                            "host": socket.gethostname()[:255] or "host",
                            "kind": "CLIENT",
                            "capabilities": {"backend": "python", "gpus": 0, "labels": ["python-client"], "pid": os.getpid()},
                        }
                    },
                )
                self._runner_id = str(_payload(data, "runnerRegister")["runner"]["id"])
            return self._runner_id

    def _hold(self, trial: "Trial") -> None:
        with self._lock:
            self._held[trial.id] = trial
            if self._heartbeat is None or not self._heartbeat.is_alive():
                self._closing.clear()
                self._heartbeat = threading.Thread(target=self._beat, name="tuneboard-heartbeat", daemon=True)
                self._heartbeat.start()
        self._wake.set()

    def _unhold(self, trial: "Trial") -> None:
        with self._lock:
            self._held.pop(trial.id, None)

    def _beat(self) -> None:
        """Renews the lease of every held trial that has not been heard of for a third of its lease."""
        while not self._closing.is_set():
            with self._lock:
                held = list(self._held.values())
            now = time.monotonic()
            due = [t for t in held if now - t._last_contact >= t._lease_s * HEARTBEAT_FRACTION]
            for trial in due:
                try:
                    trial._send_report([], [], [])
                except StaleLeaseError as error:
                    trial._lost = str(error)
                    self._unhold(trial)
                except Exception:  # noqa: BLE001 - a failed heartbeat is retried on the next tick
                    pass
            with self._lock:
                held = list(self._held.values())
            if not held:
                wait = 5.0
            else:
                now = time.monotonic()
                wait = min(max(t._last_contact + t._lease_s * HEARTBEAT_FRACTION - now, 0.05) for t in held)
            self._wake.wait(min(wait, 5.0))
            self._wake.clear()

    def release_all(self) -> None:
        """Hands every trial this client holds back to the queue (PENDING again, not failed)."""
        with self._lock:
            held = list(self._held.values())
        for trial in held:
            try:
                trial.study._release(trial)
            except Exception:  # noqa: BLE001 - the lease runs out on its own
                self._unhold(trial)

    def close(self) -> None:
        """Releases held trials, stops the heartbeat thread and closes connections."""
        self.release_all()
        self._closing.set()
        self._wake.set()
        if self._heartbeat is not None and self._heartbeat is not threading.current_thread():
            self._heartbeat.join(timeout=5)
        self._transport.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _release_at_exit(ref: "weakref.ReferenceType[Client]") -> None:
        client = ref()
        if client is not None:
            try:
                client.close()
            except Exception:  # noqa: BLE001 - exiting anyway
                pass


class Trial:
    """A trial this client holds: its ``params``, a lease kept alive in the background, and its reports."""

    def __init__(self, study: "Study", lease: Mapping[str, Any]) -> None:
        node = lease["trial"]
        self.study = study
        self.id: str = node["id"]
        self.number: int = node["number"]
        self.attempt: int = node.get("attempt") or 0
        self.params: Dict[str, Any] = dict(node.get("params") or {})
        self.lease_token: str = lease["leaseToken"]
        expires = _parse_time(lease.get("leaseExpiresAt"))
        length = (expires - time.time()) if expires else DEFAULT_LEASE_S
        self._lease_s = length if 0.5 <= length <= 86_400 else DEFAULT_LEASE_S
        self._last_contact = time.monotonic()
        self._should_prune = False
        self._lost: Optional[str] = None
        self._finished = False
        self._report_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Trial(number={self.number}, params={self.params!r})"

    def __getitem__(self, name: str) -> Any:
        return self.params[name]

    def _check(self) -> None:
        if self._lost:
            raise StaleLeaseError("trialReport", [_stale(self._lost)])
        if self._finished:
            raise TuneboardError(f"trial {self.number} is already finished")

    def _send_report(self, keys: List[str], steps: List[int], values: List[Any]) -> Dict[str, Any]:
        with self._report_lock:
            data = self.study.client.query(
                _REPORT,
                {"i": {"trialId": self.id, "leaseToken": self.lease_token, "columns": {"keys": keys, "steps": steps, "values": values}}},
            )
            payload = _payload(data, "trialReport")
            self._last_contact = time.monotonic()
            if payload.get("shouldPrune"):
                self._should_prune = True
            return payload

    def report(self, step: int, value: Optional[Number] = None, /, **metrics: Number) -> bool:
        """Stores metric values at ``step`` (an epoch, an iteration) and returns the pruner's verdict.

        ``value`` is stored under the study's first objective name (``value`` by default); name any metric with a
        keyword: ``trial.report(epoch, val_loss=0.3, val_accuracy=0.9)``. Non-finite values are kept.
        """
        if isinstance(step, bool) or not isinstance(step, int) or step < 0:
            raise TypeError(
                f"report(step, value, **metrics): step must be an int >= 0, got {step!r} (Optuna's report(value, step) has them the other way round)"
            )
        if value is not None:
            metrics = {self.study.metric_names[0]: value, **metrics}
        if not metrics:
            raise TypeError("report() needs a value or named metrics: trial.report(step, val_loss=0.3)")
        self._check()
        keys = list(metrics)
        for key in keys:
            if isinstance(metrics[key], (str, bytes)) or not isinstance(metrics[key], (int, float)) and not hasattr(metrics[key], "__float__"):
                raise TypeError(f"report(step={step}): metric {key!r} must be a number, got {metrics[key]!r}")
        payload = self._send_report(keys, [step] * len(keys), [encode_metric(metrics[k]) for k in keys])
        return bool(payload.get("shouldPrune"))

    def should_prune(self) -> bool:
        """True once the study's pruner said, on a report, that this trial should stop."""
        return self._should_prune


def _unknown_token() -> UnauthenticatedError:
    return UnauthenticatedError(
        [{"message": "the API does not know this token (wrong, expired or revoked)", "extensions": {"code": "UNAUTHENTICATED"}}]
    )


def _stale(message: str) -> Any:
    from .errors import UserError

    return UserError(["input", "leaseToken"], message, "STALE_LEASE")


class Study:
    """A study of the API, seen from Python: ask for trials, tell their results, read its trials."""

    def __init__(self, client: Client, node: Mapping[str, Any]) -> None:
        self.client = client
        self.id: str = node["id"]
        self._node: Dict[str, Any] = dict(node)

    def __repr__(self) -> str:
        return f"Study(id={self.id!r}, name={self.name!r})"

    @property
    def name(self) -> str:
        return str(self._node.get("name"))

    @property
    def metric_names(self) -> List[str]:
        return [o["name"] for o in self._node.get("objectives") or []]

    @property
    def directions(self) -> List[str]:
        return [str(o["direction"]).lower() for o in self._node.get("objectives") or []]

    @property
    def status(self) -> str:
        """The study's status now (RUNNING, PAUSED, COMPLETED, STOPPED, FAILED), read from the API."""
        return str(self.refresh()["status"])

    def refresh(self) -> Dict[str, Any]:
        data = self.client.query(f"query TbStudy($id: ID!) {{ study(id: $id) {{ {_STUDY_FIELDS} }} }}", {"id": self.id})
        if not data.get("study"):
            raise NotFoundError([{"message": f"study {self.id!r} not found for this token", "extensions": {"code": "NOT_FOUND"}}])
        self._node = dict(data["study"])
        return self._node

    # -- ask and tell --------------------------------------------------------------------------------------

    def ask(self, timeout: Optional[float] = None) -> Trial:
        """Claims the next trial of this study, waiting while none is pending (others are running).

        Raises :class:`~tuneboard.StudyFinished` once the study hands out no more trials, and ``TimeoutError``
        after ``timeout`` seconds without one.
        """
        return self._ask(timeout, None)

    def _ask(self, timeout: Optional[float], stop: Optional[threading.Event]) -> Trial:
        kind = (self._node.get("objective") or {}).get("kind")
        if kind != "client":
            raise TuneboardError(
                f"study {self.name!r} is run by runner processes (objective kind {kind!r}); ask() hands out trials of "
                "studies whose objective is {\"kind\": \"client\"}, as create_study makes them"
            )
        runner_id = self.client._runner()
        deadline = None if timeout is None else time.monotonic() + timeout
        delay = ASK_POLL_FIRST_S
        while True:
            data = self.client.query(_CLAIM, {"i": {"runnerId": runner_id, "studyId": self.id, "limit": 1}})
            leases = _payload(data, "trialClaim")["leases"]
            if leases:
                trial = Trial(self, leases[0])
                self.client._hold(trial)
                return trial
            node = self.refresh()
            if node["status"] in FINAL_STATUSES:
                raise StudyFinished(self.id, node["status"], node.get("failureReason"))
            if deadline is not None and time.monotonic() + delay > deadline:
                raise TimeoutError(f"no trial of study {self.name!r} became available within {timeout} s")
            if stop is not None:
                if stop.wait(delay):
                    raise _Stopped()
            else:
                time.sleep(delay)
            delay = min(delay * 2, ASK_POLL_MAX_S)

    def tell(
        self,
        trial: Trial,
        value: Union[None, Number, Sequence[Number]] = None,
        *,
        values: Optional[Sequence[Number]] = None,
        state: Optional[str] = None,
        error: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Ends a trial: COMPLETE with its value(s) (one per objective), or ``state="FAIL"`` / ``"PRUNED"``.

        Returns the finished trial as a dict. A NaN value fails the trial (the API's rule).
        """
        return self._tell(trial, value, values=values, state=state, error=error, claim_next=False)[0]

    def _tell(
        self,
        trial: Trial,
        value: Union[None, Number, Sequence[Number]] = None,
        *,
        values: Optional[Sequence[Number]] = None,
        state: Optional[str] = None,
        error: Optional[str] = None,
        claim_next: bool,
    ) -> Tuple[Dict[str, Any], Optional[Trial]]:
        """``tell``, and with ``claim_next`` the next trial claimed in the same request (None when none was pending)."""
        if trial.study.id != self.id:
            raise ValueError(f"trial {trial.number} belongs to study {trial.study.id}, not {self.id}")
        if trial._lost:
            self.client._unhold(trial)
            raise StaleLeaseError("tell", [_stale(trial._lost)])
        wanted = (state or "COMPLETE").upper()
        lease = {"trialId": trial.id, "leaseToken": trial.lease_token}
        variables: Dict[str, Any]
        if wanted == "COMPLETE":
            if values is None:
                if value is None:
                    raise ValueError("tell() needs a value, values=[...] or state='FAIL'/'PRUNED'")
                values = list(value) if isinstance(value, (list, tuple)) else [value]  # type: ignore[list-item]
            elif value is not None:
                raise ValueError("give value or values, not both")
            field, document, variables = "trialComplete", _COMPLETE, {"i": {**lease, "values": [encode_metric(v) for v in values]}}
        elif value is not None or values is not None:
            # Optuna's tell(trial, value, state=PRUNED) drops the value too; here it says so instead.
            raise ValueError(
                f"tell(state={wanted!r}) takes no value: a {wanted} trial keeps the curve it reported (trial.report), "
                f"got value={value!r}, values={values!r}"
            )
        elif wanted == "FAIL":
            field, document, variables = "trialFail", _FAIL, {"i": {**lease, "error": error or "failed (told from Python)"}}
        elif wanted == "PRUNED":
            field, document, variables = "trialPrune", _PRUNE, {"i": lease}
        else:
            raise ValueError(f"state must be 'COMPLETE', 'FAIL' or 'PRUNED', got {state!r}")
        following: Optional[Trial] = None
        if claim_next:
            document = _TELL_THEN_CLAIM[field]
            variables["c"] = {"runnerId": self.client._runner(), "studyId": self.id, "limit": 1}
        data = self.client.query(document, variables)
        if claim_next:
            # A refused claim is not this tell's failure: the caller asks again the usual way and hears why.
            leases = (data.get("trialClaim") or {}).get("leases") or []
            if leases:
                following = Trial(self, leases[0])
                self.client._hold(following)
        try:
            payload = _payload(data, field)
        except BaseException as refused:
            if isinstance(refused, StaleLeaseError):
                self.client._unhold(trial)
            if following is not None:
                # The tell was refused: hand the trial claimed with it straight back rather than keep it.
                try:
                    self._release(following)
                except Exception:  # noqa: BLE001 - its lease runs out on its own
                    pass
            raise
        self.client._unhold(trial)
        trial._finished = True
        return _trial_dict(payload["trial"]), following

    def _release(self, trial: Trial) -> None:
        self.client._unhold(trial)
        data = self.client.query(_RELEASE, {"i": {"trialId": trial.id, "leaseToken": trial.lease_token}})
        trial._finished = True
        _payload(data, "trialRelease")

    def enqueue_trial(self, params: Mapping[str, Any]) -> Dict[str, Any]:
        """Queues a hand-picked point; it is handed out before the sampler's."""
        data = self.client.query(
            f"mutation TbEnqueue($i: TrialEnqueueInput!) {{ trialEnqueue(input: $i) {{ trial {{ {_TRIAL_FIELDS} }} userErrors {{ field message code }} }} }}",
            {"i": {"studyId": self.id, "params": dict(params)}},
        )
        return _trial_dict(_payload(data, "trialEnqueue")["trial"])

    # -- optimize ------------------------------------------------------------------------------------------

    def optimize(
        self,
        func: ObjectiveFunc,
        n_trials: Optional[int] = None,
        n_jobs: int = 1,
        timeout: Optional[float] = None,
        catch: Union[Type[BaseException], Tuple[Type[BaseException], ...]] = (),
        callbacks: Optional[Iterable[Callable[["Study", Dict[str, Any]], None]]] = None,
    ) -> None:
        """Runs ``func(trial)`` on trials of this study, ``n_jobs`` at a time (threads), as Optuna does.

        Stops after ``n_trials`` trials (None: until the study's budget is spent), after ``timeout`` seconds (no
        new trial starts later), or when the study ends. ``func`` returns the value (or one value per objective);
        raising :class:`~tuneboard.TrialPruned` prunes the trial. Any other exception fails the trial with its
        traceback; exceptions of the ``catch`` classes are then ignored, others stop the run and are re-raised.
        """
        if n_jobs == -1:
            n_jobs = os.cpu_count() or 1
        if n_jobs < 1:
            raise ValueError(f"n_jobs must be >= 1 or -1, got {n_jobs}")
        catch_types = catch if isinstance(catch, tuple) else (catch,)
        deadline = None if timeout is None else time.monotonic() + timeout
        lock = threading.Lock()
        stop = threading.Event()
        started = [0]
        raised: List[BaseException] = []
        hooks = list(callbacks or [])

        def reserve() -> bool:
            """Takes one of the ``n_trials`` starts; False once they are all taken."""
            with lock:
                if n_trials is not None and started[0] >= n_trials:
                    return False
                started[0] += 1
                return True

        def job() -> None:
            trial: Optional[Trial] = None
            # A start taken for a trial the job does not hold yet (the claim sent with the last tell found none).
            reserved = False
            try:
                while not stop.is_set():
                    if trial is None:
                        if not reserved and not reserve():
                            return
                        reserved = False
                        left = None if deadline is None else deadline - time.monotonic()
                        if left is not None and left <= 0:
                            return
                        try:
                            trial = self._ask(left, stop)
                        except (StudyFinished, _Stopped):
                            stop.set()
                            return
                        except TimeoutError:
                            return
                    current, trial = trial, None
                    # The next trial is claimed with this one's tell, in the same request, while starts are left.
                    more = not stop.is_set() and (deadline is None or time.monotonic() < deadline) and reserve()
                    try:
                        finished, trial = self._run(func, current, catch_types, more)
                        reserved = more and trial is None
                        for hook in hooks:
                            hook(self, finished)
                    except BaseException as error:  # noqa: BLE001 - handed to the caller's thread below
                        with lock:
                            raised.append(error)
                        stop.set()
                        return
            finally:
                if trial is not None and not trial._finished:
                    # Claimed with the last tell, but the run stopped: back to the queue at once.
                    try:
                        self._release(trial)
                    except Exception:  # noqa: BLE001 - its lease runs out on its own
                        self.client._unhold(trial)

        if n_jobs == 1:
            job()
        else:
            with ThreadPoolExecutor(max_workers=n_jobs, thread_name_prefix="tuneboard-job") as pool:
                futures = [pool.submit(job) for _ in range(n_jobs)]
                try:
                    for future in futures:
                        future.result()
                except BaseException:
                    stop.set()
                    raise
        if raised:
            raise raised[0]

    def _run(
        self, func: ObjectiveFunc, trial: Trial, catch: Tuple[Type[BaseException], ...], claim_next: bool = False
    ) -> Tuple[Dict[str, Any], Optional[Trial]]:
        """Evaluates one trial and tells its outcome; with ``claim_next`` the same request claims the next trial."""
        try:
            result = func(trial)
        except TrialPruned:
            return self._tell(trial, state="PRUNED", claim_next=claim_next)
        except KeyboardInterrupt:
            self._release(trial)
            raise
        except BaseException as error:
            told = self._tell(
                trial,
                state="FAIL",
                error="".join(traceback.format_exception(type(error), error, error.__traceback__))[-8000:],
                claim_next=claim_next and isinstance(error, catch),
            )
            if isinstance(error, catch):
                return told
            raise
        if result is None:
            return self._tell(trial, state="FAIL", error="the objective returned None", claim_next=claim_next)
        if isinstance(result, (list, tuple)):
            values = list(result)
        else:
            values = [result]
        bad = [v for v in values if isinstance(v, bool) or not isinstance(v, (int, float))]
        if bad:
            return self._tell(trial, state="FAIL", error=f"the objective returned {result!r}: give a number per objective", claim_next=claim_next)
        try:
            return self._tell(trial, values=values, claim_next=claim_next)
        except StaleLeaseError:
            raise
        except UserErrors as error:
            # e.g. two values for one objective: the trial would stay RUNNING; fail it with the API's reason.
            return self._tell(trial, state="FAIL", error=str(error), claim_next=claim_next)

    # -- results -------------------------------------------------------------------------------------------

    @property
    def best_trial(self) -> Dict[str, Any]:
        """The best complete trial by the first objective; ``ValueError`` while none is complete."""
        data = self.client.query(f"query TbBest($id: ID!) {{ study(id: $id) {{ bestTrial {{ {_TRIAL_FIELDS} }} }} }}", {"id": self.id})
        best = (data.get("study") or {}).get("bestTrial")
        if not best:
            raise ValueError(f"study {self.name!r} has no complete trial yet")
        return _trial_dict(best)

    @property
    def best_trials(self) -> List[Dict[str, Any]]:
        """The Pareto-optimal complete trials (the best trial for one objective)."""
        data = self.client.query(f"query TbBestTrials($id: ID!) {{ study(id: $id) {{ bestTrials(first: 500) {{ {_TRIAL_FIELDS} }} }} }}", {"id": self.id})
        return [_trial_dict(t) for t in (data.get("study") or {}).get("bestTrials") or []]

    @property
    def best_value(self) -> float:
        values = self.best_trial["values"]
        return float(values[0])

    @property
    def best_params(self) -> Dict[str, Any]:
        return dict(self.best_trial["params"])

    @property
    def trials(self) -> List[Dict[str, Any]]:
        """Every trial of the study as a dict, by number (read page by page, 500 at a time)."""
        out: List[Dict[str, Any]] = []
        after: Optional[str] = None
        while True:
            data = self.client.query(
                f"""query TbTrials($id: ID!, $after: String) {{ study(id: $id) {{
                  trials(first: {TRIALS_PAGE}, after: $after, orderBy: {{ field: NUMBER }}) {{
                    pageInfo {{ hasNextPage endCursor }} nodes {{ {_TRIAL_FIELDS} }} }} }} }}""",
                {"id": self.id, "after": after},
            )
            study = data.get("study")
            if not study:
                raise NotFoundError([{"message": f"study {self.id!r} not found for this token", "extensions": {"code": "NOT_FOUND"}}])
            connection = study["trials"]
            out.extend(_trial_dict(node) for node in connection["nodes"])
            if not connection["pageInfo"]["hasNextPage"]:
                return out
            after = connection["pageInfo"]["endCursor"]

    def export_jsonl(self, path: Union[str, "os.PathLike[str]", IO[str]], page_size: int = EXPORT_PAGE) -> int:
        """Writes the study's trials as JSON lines (one object a trial: number, state, params, values, curves, …;
        the format of ``Study.exportJsonl`` in docs/graphql.md) to a path or an open text file; returns how many.

        Read page by page (at most ``page_size`` trials, 1 to 200, a request), so a large study never makes one
        large answer. Non-finite numbers are the strings "NaN", "Infinity", "-Infinity", as in the API.
        """
        if hasattr(path, "write"):
            return self._export_to(path, page_size)  # type: ignore[arg-type]
        with open(path, "w", encoding="utf-8") as file:
            return self._export_to(file, page_size)

    def _export_to(self, file: IO[str], page_size: int) -> int:
        count = 0
        after: Optional[str] = None
        while True:
            data = self.client.query(
                """query TbExport($id: ID!, $first: Int, $after: String) { study(id: $id) {
                  exportJsonl(first: $first, after: $after) { lines endCursor hasNextPage } } }""",
                {"id": self.id, "first": page_size, "after": after},
            )
            study = data.get("study")
            if not study:
                raise NotFoundError([{"message": f"study {self.id!r} not found for this token", "extensions": {"code": "NOT_FOUND"}}])
            page = study["exportJsonl"]
            for line in page["lines"]:
                file.write(line + "\n")
            count += len(page["lines"])
            if not page["hasNextPage"]:
                return count
            after = page["endCursor"]

    def trials_dataframe(self) -> Any:
        """The trials as a pandas DataFrame (``params_<name>`` and ``values_<name>`` columns); needs pandas."""
        try:
            import pandas  # type: ignore[import]  # no stubs: typed as Any
        except ImportError as error:
            raise ImportError("trials_dataframe() needs pandas (pip install pandas); study.trials gives the same as dicts") from error
        names = self.metric_names
        rows = []
        for trial in self.trials:
            row: Dict[str, Any] = {k: trial[k] for k in ("number", "state", "attempt", "origin", "started_at", "finished_at", "duration_seconds", "error")}
            for i, name in enumerate(names):
                row[f"values_{name}"] = trial["values"][i] if trial["values"] and i < len(trial["values"]) else math.nan
            for key, value in trial["params"].items():
                row[f"params_{key}"] = value
            rows.append(row)
        return pandas.DataFrame(rows)


class _Stopped(Exception):
    """optimize() was told to stop while a job waited for a trial."""


def create_study(*, url: Optional[str] = None, token: Optional[str] = None, **kwargs: Any) -> Study:
    """``Client(url, token).create_study(**kwargs)``: url and token default to TUNEBOARD_URL / TUNEBOARD_TOKEN."""
    return Client(url, token).create_study(**kwargs)


def load_study(study_id: str, *, url: Optional[str] = None, token: Optional[str] = None) -> Study:
    """``Client(url, token).study(study_id)``."""
    return Client(url, token).study(study_id)


