"""Tuneboard's Python client.

Standalone (a notebook or script with an API token)::

    import tuneboard as tb
    client = tb.Client("http://127.0.0.1:4000", token)
    study = client.create_study(project="lab/demo", space={"x": {"type": "float", "low": -5, "high": 5}})
    study.optimize(lambda trial: (trial.params["x"] - 2) ** 2, n_trials=20, n_jobs=2)

Inside a ``command`` objective started by a runner::

    params = tb.params()
    tb.report(epoch, val_loss=loss)
    if tb.should_prune():
        raise tb.TrialPruned()
    tb.artifact("confusion.png")  # attached to the trial when the script ends
"""

from .client import Client, Study, Trial, create_study, load_study
from .command import artifact, artifact_dir, params, report, should_prune, trial_context, under_runner
from .errors import (
    ForbiddenError,
    GraphQLError,
    NotFoundError,
    RateLimitedError,
    StaleLeaseError,
    StudyFinished,
    TransportError,
    TrialPruned,
    TuneboardError,
    UnauthenticatedError,
    UserError,
    UserErrors,
)

__version__ = "0.1.0"

__all__ = [
    "Client",
    "Study",
    "Trial",
    "create_study",
    "load_study",
    "artifact",
    "artifact_dir",
    "params",
    "report",
    "should_prune",
    "trial_context",
    "under_runner",
    "ForbiddenError",
    "GraphQLError",
    "NotFoundError",
    "RateLimitedError",
    "StaleLeaseError",
    "StudyFinished",
    "TransportError",
    "TrialPruned",
    "TuneboardError",
    "UnauthenticatedError",
    "UserError",
    "UserErrors",
]
