"""SabNode's Python SDK: `Client` / `AsyncClient`, typed models, errors, pagination, SSE and webhook helpers."""

from ._client import AsyncClient, Client
from ._transport import BinaryResponse, FileInput
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    FieldError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    SabnodeError,
    UnprocessableEntityError,
)
from .generated import models
from .generated.resources import API_VERSION
from .pagination import AsyncPage, AsyncPaginator, SyncPage
from .streaming import AsyncEventStream, EventStream
from .webhooks import WebhookVerificationError, sign_webhook, verify_webhook

__all__ = [
    "API_VERSION",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncEventStream",
    "AsyncPage",
    "AsyncPaginator",
    "AuthenticationError",
    "BadRequestError",
    "BinaryResponse",
    "Client",
    "ConflictError",
    "EventStream",
    "FieldError",
    "FileInput",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "SabnodeError",
    "SyncPage",
    "UnprocessableEntityError",
    "WebhookVerificationError",
    "models",
    "sign_webhook",
    "verify_webhook",
]
