"""GraphQL over HTTP with the standard library: one keep-alive connection per thread."""

from __future__ import annotations

import http.client
import json
import math
import ssl
import threading
import time
import urllib.parse
from typing import Any, Dict, List, Mapping, Optional

from .errors import RateLimitedError, TransportError, error_for

__all__ = ["Transport", "encode_metric", "decode_metric"]

USER_AGENT = "tuneboard-python/0.1"
# A refused operation past the caller's fair share is retried after the server's `retryAfterSeconds`, this often.
RATE_LIMIT_RETRIES = 5
# Errors that mean a reused keep-alive connection was closed by the server before it read the request: safe to
# send again on a fresh connection (the server never saw it).
_STALE_CONNECTION = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError, http.client.CannotSendRequest)


def encode_metric(value: float) -> Any:
    """A value as the API's ``MetricValue``: a JSON number, or "NaN", "Infinity", "-Infinity", "-0"."""
    number = float(value)
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0 and math.copysign(1.0, number) < 0:
        return "-0"
    if isinstance(value, bool):
        return int(value)
    return value if isinstance(value, int) else number


def decode_metric(value: Any) -> Optional[float]:
    """A ``MetricValue`` from the API as a float (None stays None)."""
    if value is None:
        return None
    return float(value)


class Transport:
    """Sends GraphQL documents to one endpoint with a bearer token."""

    def __init__(self, url: str, token: Optional[str], timeout: float = 60.0) -> None:
        if "://" not in url:
            url = "http://" + url
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https"):
            raise ValueError(f"url must be http(s)://host[:port][/graphql], got {url!r}")
        path = parsed.path.rstrip("/")
        if not path.endswith("/graphql"):
            path += "/graphql"
        self.url = urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, path, "", ""))
        self._https = parsed.scheme == "https"
        self._host = parsed.hostname or "127.0.0.1"
        self._port = parsed.port
        self._path = path
        self._token = token
        self._timeout = timeout
        self._local = threading.local()
        self._connections: List[http.client.HTTPConnection] = []
        self._lock = threading.Lock()

    def _connection(self) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self._https:
                conn = http.client.HTTPSConnection(
                    self._host, self._port, timeout=self._timeout, context=ssl.create_default_context()
                )
            else:
                conn = http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)
            self._local.conn = conn
            self._local.used = False
            with self._lock:
                self._connections.append(conn)
        return conn

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            with self._lock:
                if conn in self._connections:
                    self._connections.remove(conn)
        self._local.conn = None

    def _post(self, body: bytes) -> "tuple[int, bytes]":
        headers = {
            "content-type": "application/json",
            "accept": "application/json",
            "user-agent": USER_AGENT,
        }
        if self._token:
            headers["authorization"] = f"Bearer {self._token}"
        for attempt in range(2):
            conn = self._connection()
            reused = bool(getattr(self._local, "used", False))
            try:
                conn.request("POST", self._path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                self._local.used = True
                if (response.getheader("connection") or "").lower() == "close":
                    self._drop()
                return response.status, data
            except _STALE_CONNECTION as error:
                self._drop()
                if reused and attempt == 0:
                    continue
                raise TransportError(f"POST {self.url}: {error!r}") from error
            except (OSError, http.client.HTTPException) as error:
                self._drop()
                raise TransportError(f"POST {self.url}: {error}") from error
        raise TransportError(f"POST {self.url}: the connection kept closing")

    def execute(self, document: str, variables: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """Runs a document; returns ``data``, raising :class:`GraphQLError` (or a subclass) on any error."""
        body = json.dumps({"query": document, "variables": dict(variables or {})}, allow_nan=False).encode("utf-8")
        for attempt in range(RATE_LIMIT_RETRIES + 1):
            status, data = self._post(body)
            try:
                result = json.loads(data.decode("utf-8"))
            except ValueError as error:
                raise TransportError(f"POST {self.url}: HTTP {status}, not JSON: {data[:200]!r}") from error
            if not isinstance(result, dict):
                raise TransportError(f"POST {self.url}: HTTP {status}, not a GraphQL response: {data[:200]!r}")
            errors = result.get("errors")
            if errors:
                refused = error_for(errors, status)
                if isinstance(refused, RateLimitedError) and attempt < RATE_LIMIT_RETRIES:
                    time.sleep(min(refused.retry_after, 30.0))
                    continue
                raise refused
            if status >= 400 or "data" not in result:
                raise TransportError(f"POST {self.url}: HTTP {status}: {data[:200]!r}")
            data_field: Dict[str, Any] = result["data"] or {}
            return data_field
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
