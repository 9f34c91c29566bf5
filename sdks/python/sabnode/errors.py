"""Errors raised by the SabNode client: one class per HTTP status family, plus connection errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict


class FieldError(TypedDict):
    """One field the server refused: a JSON pointer into the request, a stable code and a message."""

    pointer: str
    code: str
    message: str


class SabnodeError(Exception):
    """Base class of every error this package raises."""


class APIConnectionError(SabnodeError):
    """The request did not get an HTTP answer (connection refused or reset, DNS, timeout), after all retries."""

    def __init__(self, message: str, *, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.__cause__ = cause


class APITimeoutError(APIConnectionError):
    """The request timed out, after all retries."""


class APIStatusError(SabnodeError):
    """The API answered with an error status (an RFC 9457 problem)."""

    status: int
    code: str | None
    title: str | None
    detail: str | None
    request_id: str | None
    errors: list[FieldError]
    body: Any
    headers: Mapping[str, str]

    def __init__(self, status: int, body: Any, headers: Mapping[str, str]) -> None:
        problem: dict[str, Any] = body if isinstance(body, dict) else {}
        self.status = status
        self.body = body
        self.headers = headers
        self.code = _str_or_none(problem.get("code"))
        self.title = _str_or_none(problem.get("title"))
        self.detail = _str_or_none(problem.get("detail"))
        self.request_id = headers.get("request-id") or _str_or_none(problem.get("request_id"))
        raw_errors = problem.get("errors")
        self.errors = [
            FieldError(pointer=str(e.get("pointer", "")), code=str(e.get("code", "")), message=str(e.get("message", "")))
            for e in (raw_errors if isinstance(raw_errors, list) else [])
            if isinstance(e, dict)
        ]
        summary = self.detail or self.title or "request failed"
        super().__init__(f"{status} {self.code or 'error'}: {summary} (request {self.request_id or 'unknown'})")


class BadRequestError(APIStatusError):
    """400: the request is malformed or a field is invalid (see `errors`)."""


class AuthenticationError(APIStatusError):
    """401: the key is missing, unknown, revoked or expired."""


class PermissionDeniedError(APIStatusError):
    """403: the key lacks the scope this operation needs."""


class NotFoundError(APIStatusError):
    """404: no such object in the key's workspace."""


class ConflictError(APIStatusError):
    """409: the object's state or an Idempotency-Key forbids the request."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well formed but cannot be carried out."""


class RateLimitError(APIStatusError):
    """429: the key's budget is spent; `retry_after` says how many seconds to wait."""

    retry_after: float | None

    def __init__(self, status: int, body: Any, headers: Mapping[str, str]) -> None:
        super().__init__(status, body, headers)
        self.retry_after = parse_retry_after(headers.get("retry-after"))


class InternalServerError(APIStatusError):
    """5xx: the server failed or is unavailable."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_for(status: int, body: Any, headers: Mapping[str, str]) -> APIStatusError:
    """The error class for an HTTP error status."""
    cls = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    return cls(status, body, headers)


def parse_retry_after(value: str | None) -> float | None:
    """`Retry-After` as seconds (delta-seconds or an HTTP date); None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime
    from datetime import datetime, timezone

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
