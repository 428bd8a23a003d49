"""Exceptions raised by the Tuneboard client."""

from __future__ import annotations

from typing import Any, Dict, List, NamedTuple, Optional


class TuneboardError(Exception):
    """Base class of every error the client raises."""


class TransportError(TuneboardError):
    """The API could not be reached, or answered something that is not a GraphQL response."""


class GraphQLError(TuneboardError):
    """The API refused the operation as a whole (authentication, authorisation, validation, limits).

    ``code`` is the first error's ``extensions.code`` (``UNAUTHENTICATED``, ``FORBIDDEN``, ``NOT_FOUND``,
    ``RATE_LIMITED``, ``QUERY_TOO_EXPENSIVE``, ``GRAPHQL_VALIDATION_FAILED``, ...), ``request_id`` the id of the
    server's log line, ``errors`` every error as the API sent it.
    """

    def __init__(self, errors: List[Dict[str, Any]], status: Optional[int] = None) -> None:
        self.errors = errors
        self.status = status
        first = errors[0] if errors else {}
        extensions = first.get("extensions") or {}
        self.code: Optional[str] = extensions.get("code")
        self.request_id: Optional[str] = extensions.get("requestId")
        message = "; ".join(str(error.get("message", error)) for error in errors) or "GraphQL error"
        super().__init__(f"{message} ({self.code})" if self.code else message)


class UnauthenticatedError(GraphQLError):
    """No valid credentials: the token is missing, wrong, expired or revoked."""


class ForbiddenError(GraphQLError):
    """The credentials may not do this (e.g. a READ token creating a study)."""


class NotFoundError(GraphQLError):
    """No such object for this caller: it does not exist, or belongs to a team the token does not act for."""


class RateLimitedError(GraphQLError):
    """The caller spent its share of the server's time; ``retry_after`` is in seconds."""

    @property
    def retry_after(self) -> float:
        first = self.errors[0] if self.errors else {}
        value = (first.get("extensions") or {}).get("retryAfterSeconds")
        return float(value) if isinstance(value, (int, float)) else 1.0


class UserError(NamedTuple):
    """One business error of a mutation: the input field at fault, what is wrong, and an optional code."""

    field: List[str]
    message: str
    code: Optional[str]


class UserErrors(TuneboardError):
    """A mutation answered ``userErrors``: the input broke a rule (each error names the field and the value)."""

    def __init__(self, operation: str, user_errors: List[UserError]) -> None:
        self.operation = operation
        self.user_errors = user_errors
        detail = "; ".join(
            f"{'.'.join(error.field) or '(input)'}: {error.message}" + (f" [{error.code}]" if error.code else "")
            for error in user_errors
        )
        super().__init__(f"{operation}: {detail}")

    @classmethod
    def from_payload(cls, operation: str, errors: List[Any]) -> "UserErrors":
        parsed = [
            UserError(list(error.get("field") or []), str(error.get("message", "")), error.get("code")) for error in errors
        ]
        if any(error.code == "STALE_LEASE" for error in parsed):
            return StaleLeaseError(operation, parsed)
        return cls(operation, parsed)


class StaleLeaseError(UserErrors):
    """The trial's lease is no longer this client's (it expired and was re-queued, or the trial finished)."""


class StudyFinished(TuneboardError):
    """The study hands out no more trials: its budget is spent, or it was stopped or failed."""

    def __init__(self, study_id: str, status: str, reason: Optional[str] = None) -> None:
        self.study_id = study_id
        self.status = status
        self.reason = reason
        super().__init__(f"study {study_id} is {status}" + (f": {reason}" if reason else "") + "; it hands out no more trials")


class TrialPruned(Exception):
    """Raise it from an objective to end the trial as PRUNED (as ``optuna.TrialPruned``)."""


def error_for(errors: List[Dict[str, Any]], status: Optional[int] = None) -> GraphQLError:
    """The most specific exception class for a list of GraphQL errors."""
    code = ((errors[0] if errors else {}).get("extensions") or {}).get("code")
    kind = {
        "UNAUTHENTICATED": UnauthenticatedError,
        "FORBIDDEN": ForbiddenError,
        "NOT_FOUND": NotFoundError,
        "RATE_LIMITED": RateLimitedError,
    }.get(code or "", GraphQLError)
    return kind(errors, status)
