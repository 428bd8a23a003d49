"""Inside a ``command`` objective: the runner starts the script for one trial.

The runner passes the trial's parameters in ``TUNEBOARD_PARAMS`` (JSON; also as ``--name=value`` arguments) and
reads metrics from stdout, one JSON object per line (``{"step": 3, "val_loss": 0.4}``). No token is needed.

When the study's pruner says a trial should stop, the runner sends the program SIGTERM (then SIGKILL after the
objective's ``killGraceSeconds``, 5 by default). A script that calls :func:`should_prune` asks to handle that
itself: from then on SIGTERM only turns ``should_prune()`` true, so the script can save what it wants and exit
(``raise tuneboard.TrialPruned()`` exits quietly with status 0). A script that never calls it is killed by
SIGTERM as before.
"""

from __future__ import annotations

import json
import math
import os
import signal
import sys
import threading
from types import FrameType, TracebackType
from typing import Any, Dict, Optional, Type, Union

from .errors import TrialPruned, TuneboardError

__all__ = ["under_runner", "params", "report", "should_prune", "trial_context", "artifact", "artifact_dir"]

PARAMS_ENV = "TUNEBOARD_PARAMS"

_lock = threading.Lock()
_stop_requested = threading.Event()
_cooperative = threading.Event()
_previous_hook = sys.excepthook


def under_runner() -> bool:
    """True when a Tuneboard runner started this process for a trial (``TUNEBOARD_PARAMS`` is set)."""
    return PARAMS_ENV in os.environ


def _require_runner(what: str) -> None:
    if not under_runner():
        raise TuneboardError(
            f"tuneboard.{what}() works inside a command objective started by a Tuneboard runner ({PARAMS_ENV} is not set); "
            "from a notebook or script use tuneboard.Client(url, token): study.ask() and trial.report()"
        )


def params() -> Dict[str, Any]:
    """The trial's parameters, by name."""
    _require_runner("params")
    value = json.loads(os.environ[PARAMS_ENV])
    if not isinstance(value, dict):
        raise TuneboardError(f"{PARAMS_ENV} is not a JSON object: {os.environ[PARAMS_ENV][:200]}")
    return value


def trial_context() -> Dict[str, Optional[str]]:
    """The trial's number, id, study id, attempt and seed as the runner passed them (strings, or None)."""
    names = {"number": "TRIAL_NUMBER", "id": "TRIAL_ID", "study_id": "STUDY_ID", "attempt": "ATTEMPT", "seed": "SEED"}
    return {key: os.environ.get(f"TUNEBOARD_{name}") for key, name in names.items()}


def report(step: Optional[int] = None, /, *, final: bool = False, **metrics: Union[int, float]) -> None:
    """Sends metric values at ``step`` to the runner: ``tb.report(epoch, val_loss=0.31, val_accuracy=0.9)``.

    The study's objective metrics must be reported at least once; their last values (or those of a report
    with ``final=True``) are the trial's result. Non-finite values are left out (the runner's protocol carries
    finite numbers only; a trial whose objective never got a finite value fails).
    """
    _require_runner("report")
    if step is not None and (isinstance(step, bool) or not isinstance(step, int) or step < 0):
        raise TypeError(f"report(step, **metrics): step must be an int >= 0 or None, got {step!r}")
    if not metrics:
        raise TypeError("report() needs named metrics: tb.report(step, val_loss=0.3)")
    line: Dict[str, Any] = {}
    if step is not None:
        line["step"] = step
    if final:
        line["final"] = True
    dropped = []
    for key, value in metrics.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"metric {key!r} must be a number, got {value!r}")
        if math.isfinite(value):
            line[key] = value
        else:
            dropped.append(key)
    if dropped:
        print(f"tuneboard: left out non-finite {', '.join(dropped)} at step {step}", file=sys.stderr, flush=True)
    with _lock:
        sys.stdout.write(json.dumps(line, allow_nan=False) + "\n")
        sys.stdout.flush()


def artifact_dir() -> str:
    """The trial's own folder (``TUNEBOARD_ARTIFACT_DIR``): files written there are attached to the trial when the
    script ends. Empty at the start; the runner removes it after uploading."""
    _require_runner("artifact_dir")
    folder = os.environ.get("TUNEBOARD_ARTIFACT_DIR")
    if not folder:
        raise TuneboardError("this runner gives no artifact folder (TUNEBOARD_ARTIFACT_DIR is not set): update the runner")
    return folder


def artifact(path: Union[str, "os.PathLike[str]"]) -> None:
    """Attaches a file to the trial: ``tb.artifact("confusion.png")``. The runner uploads it (named by its file
    name) when the script ends, so write it completely before the script exits; it must still exist then.
    Sent as a ``{"artifact": path}`` line on stdout, the runner's protocol.
    """
    _require_runner("artifact")
    full = os.path.abspath(os.fspath(path))
    if not os.path.isfile(full):
        raise FileNotFoundError(f"tb.artifact(path): {full} is not a file")
    with _lock:
        sys.stdout.write(json.dumps({"artifact": full}) + "\n")
        sys.stdout.flush()


def should_prune() -> bool:
    """True once the runner asked this trial to stop (the pruner said so, or the trial was aborted).

    The first call makes this process handle SIGTERM itself (see the module's documentation). Call it from the
    main thread first.
    """
    _require_runner("should_prune")
    if not _cooperative.is_set():
        _install()
        _cooperative.set()
    return _stop_requested.is_set()


def _on_sigterm(signum: int, frame: Optional[FrameType]) -> None:
    _stop_requested.set()
    if not _cooperative.is_set():
        # The script never said it checks should_prune(): die of SIGTERM as it would without this module.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)


def _excepthook(kind: Type[BaseException], error: BaseException, tb: Optional[TracebackType]) -> None:
    if issubclass(kind, TrialPruned):
        print("tuneboard: trial pruned", file=sys.stderr, flush=True)
        sys.stdout.flush()
        os._exit(0)
    _previous_hook(kind, error, tb)


_installed = False


def _install() -> None:
    """SIGTERM sets the stop flag; an uncaught TrialPruned exits 0. Only under a runner, only in the main thread."""
    global _installed
    if _installed or not under_runner():
        return
    if threading.current_thread() is not threading.main_thread():
        raise TuneboardError("call tuneboard.should_prune() once from the main thread first (it installs a SIGTERM handler)")
    signal.signal(signal.SIGTERM, _on_sigterm)
    sys.excepthook = _excepthook
    _installed = True
