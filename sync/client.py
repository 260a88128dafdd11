"""The laptop's side of the wire: protocol v1 calls over httpx, with retries.

Network failures, timeouts, 5xx and 429 are retried with exponential backoff and jitter, so
that a hundred laptops coming back on the office Wi-Fi do not knock on the service in step.
Every retried call is idempotent by the protocol (a push carries its change ids, a pull its
cursor, a resolution its change id, an audit entry its id); enrolment is not, so it is retried
only when the request can not have reached the service.

A 401 with error code `device_revoked` becomes `DeviceRevoked` (the caller wipes the store);
any other 401 becomes `EnrolmentRequired` (the caller keeps everything and asks the worker to
enrol again). Nothing here logs a token, a password or a record's content.
"""

from __future__ import annotations

import functools
import json as _json
import logging
import random
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

import httpx
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError

from sync.errors import DeviceRevoked, EnrolmentRequired, RequestRejected, ServiceUnavailable
from sync.protocol import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    DEVICE_REVOKED,
    NEXT_CURSOR_HEADER,
    AuditEntry,
    AuditLog,
    AuditUpload,
    AuditUploadResult,
    Change,
    Directory,
    EnrolRequest,
    EnrolResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    ResolveRequest,
    Result,
)

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

# Errors where the request certainly never reached the service.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class PullAnswer(NamedTuple):
    body: bytes
    next_cursor: str | None  # named by the service's header; None: not named


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter: attempt n waits between half and all of
    min(cap, base * 2**n) seconds; a Retry-After header from the service is honoured up to cap."""

    attempts: int = 6
    base: float = 0.25
    cap: float = 15.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        ceiling = min(self.cap, self.base * (2**attempt))
        return ceiling / 2 + rng.uniform(0, ceiling / 2)


class _Retry(Exception):
    """A failure worth another attempt; `wait` overrides the backoff (Retry-After)."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class SyncClient:
    """Protocol v1 calls against one service. `http` may be any httpx.Client (the tests hand
    in one bound to the app in-process); otherwise one is made for `server_url`."""

    def __init__(
        self,
        server_url: str,
        token: str | None = None,
        *,
        http: httpx.Client | None = None,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.server_url = server_url.rstrip("/")
        self.token = token
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._owns_http = http is None
        self.http = http or httpx.Client(
            base_url=self.server_url, timeout=timeout, verify=_tls_context()
        )

    def close(self) -> None:
        if self._owns_http:
            self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the protocol ------------------------------------------------------------------

    def enrol(self, username: str, password: str, device_name: str) -> EnrolResponse:
        body = EnrolRequest(username=username, password=password, device_name=device_name)
        return self._call(
            "POST", "/session/enrol", EnrolResponse, json=body.model_dump(),
            idempotent=False, authorised=False,
        )

    def push(self, changes: Sequence[Change]) -> list[Result]:
        body = PushRequest(changes=list(changes))
        try:
            # pydantic's own JSON writer, escaped to ASCII as below: a seventh of the time
            # of a dict and `json.dumps` for a batch of 1,000 (8.5 ms against 1.2 ms).
            content: bytes | None = body.model_dump_json(ensure_ascii=True).encode()
        except PydanticSerializationError:
            content = None  # a lone surrogate: only the escaping writer below can send it
        answer = self._call(
            "POST", "/sync/push", PushResponse, content=content,
            json=body.model_dump(mode="json") if content is None else None,
        )
        if len(answer.results) != len(changes):
            # The contract is one result per change, in order; anything else would make us
            # acknowledge the wrong outbox entries.
            raise ServiceUnavailable("service answered a push with the wrong number of results")
        for change, result in zip(changes, answer.results, strict=True):
            if result.change_id != change.change_id:
                raise ServiceUnavailable("service answered a push out of order")
        return answer.results

    def pull(self, cursor: str, limit: int = DEFAULT_PULL_LIMIT, own: str | None = None
             ) -> PullResponse:
        """A page since `cursor`; `own` names the revs of this sync's records written as
        sent (sync.own_revs), which come back as stamps, not whole."""
        return self._call("GET", "/sync/pull", PullResponse,
                          params=_pull_params(cursor, limit, own))

    def pull_answer(self, cursor: str, limit: int = DEFAULT_PULL_LIMIT, own: str | None = None
                    ) -> PullAnswer:
        """`pull`'s answer before it is read: its body, and the next page's cursor when
        the service names it in a header (a page with `more`; an older service never
        does). `parse_pull` reads the body; asking for the next page need not wait for
        that."""
        response = self._call("GET", "/sync/pull", httpx.Response,
                              params=_pull_params(cursor, limit, own))
        return PullAnswer(response.content, response.headers.get(NEXT_CURSOR_HEADER) or None)

    @staticmethod
    def parse_pull(answer: PullAnswer) -> PullResponse:
        """The page of a `pull_answer`. ServiceUnavailable when the body does not parse
        (`pull` asks again then; a caller of this may do the same)."""
        try:
            return PullResponse.model_validate_json(answer.body)
        except ValidationError:
            raise ServiceUnavailable("service sent an answer that does not parse") from None

    def resolve(self, conflict_id: str, change_id: str, value: Any) -> Result:
        body = ResolveRequest(change_id=change_id, value=value)
        return self._call(
            "POST", f"/conflicts/{conflict_id}/resolve", Result, json=body.model_dump(mode="json")
        )

    def upload_audit(self, entries: Sequence[AuditEntry]) -> int:
        body = AuditUpload(entries=list(entries))
        answer = self._call(
            "POST", "/audit", AuditUploadResult, json=body.model_dump(mode="json")
        )
        return answer.accepted

    def read_audit(self, case_id: str) -> list[AuditEntry]:
        """The case's access log as the service holds it: its own entries and those the
        laptops handed in. Only for the case's contact worker and its team's leads
        (RequestRejected 403 otherwise)."""
        return self._call("GET", "/audit", AuditLog, params={"case_id": case_id}).entries

    def directory(self) -> Directory:
        """The users, and the teams by name (`teams` None from a service that does not name
        them: it ignores the query it does not know)."""
        return self._call("GET", "/directory", Directory, params={"teams": "true"})

    def revoke(self, device_id: str) -> None:
        self._call("DELETE", f"/devices/{device_id}", None)

    # -- one call, with retries ---------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        model: type[M] | type[httpx.Response] | None,
        *,
        json: Any = None,
        content: bytes | None = None,
        params: dict[str, Any] | None = None,
        idempotent: bool = True,
        authorised: bool = True,
    ) -> Any:
        url = f"{self.server_url}{API_PREFIX}{path}"
        headers = {}
        if authorised:
            if not self.token:
                raise EnrolmentRequired("this laptop has no token: enrol first")
            headers["Authorization"] = f"Bearer {self.token}"
        last = "no attempt made"
        wait: float | None = None
        for attempt in range(self.retry.attempts):
            if attempt:
                self._sleep(self.retry.delay(attempt - 1, self._rng) if wait is None else wait)
            try:
                return self._attempt(method, url, model, json, content, params, headers,
                                     idempotent)
            except _Retry as retry:
                last = retry.reason
                wait = None if retry.wait is None else min(retry.wait, self.retry.cap)
                log.info("%s %s failed (%s), attempt %d", method, path, last, attempt + 1)
        raise ServiceUnavailable(f"{method} {path} failed after {self.retry.attempts} attempts: "
                                 f"{last}")

    def _attempt(
        self,
        method: str,
        url: str,
        model: type[M] | type[httpx.Response] | None,
        json: Any,
        content: bytes | None,
        params: dict[str, Any] | None,
        headers: dict[str, str],
        idempotent: bool,
    ) -> Any:
        if content is not None:
            headers = {**headers, "Content-Type": "application/json"}
        elif json is not None:
            # Escaped to ASCII as the standard library writes JSON: a lone surrogate that got
            # into the outbox still travels, and the service rejects that one change by its
            # code instead of every push failing here (httpx writes raw UTF-8).
            content = _json.dumps(json, ensure_ascii=True, allow_nan=False)
            headers = {**headers, "Content-Type": "application/json"}
        try:
            response = self.http.request(method, url, content=content, params=params,
                                         headers=headers)
        except _NOT_SENT as exc:
            raise _Retry(type(exc).__name__) from None
        except httpx.TransportError as exc:
            if not idempotent:
                raise ServiceUnavailable(
                    f"connection lost ({type(exc).__name__}); try again"
                ) from None
            raise _Retry(type(exc).__name__) from None
        status = response.status_code
        if status == 429 or status >= 500:
            # 429 and 503 say the request was not taken; after another 5xx a call that is
            # not idempotent may have half-happened, so the worker decides to try again.
            if not idempotent and status not in (429, 503):
                raise ServiceUnavailable(f"service error {status}; try again")
            raise _Retry(f"status {status}", _retry_after(response))
        if status == 401:
            code, _ = _error_of(response)
            if code == DEVICE_REVOKED:
                raise DeviceRevoked("the service revoked this laptop")
            raise EnrolmentRequired(f"the service no longer accepts this laptop's token ({code})")
        if status >= 400:
            code, message = _error_of(response)
            raise RequestRejected(status, code, message)
        if model is None:
            return None
        if model is httpx.Response:
            return response
        try:
            return model.model_validate_json(response.content)
        except ValidationError:
            # A body cut short by a proxy or a dying service: the call is idempotent, so ask again.
            if not idempotent:
                raise ServiceUnavailable("service sent an answer that does not parse") from None
            raise _Retry("unparseable answer") from None


def _pull_params(cursor: str, limit: int, own: str | None) -> dict[str, Any]:
    params: dict[str, Any] = {"cursor": cursor, "limit": limit}
    if own:
        params["own"] = own
    return params


@functools.lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    # httpx's own default (certifi's CA bundle), but loading it costs ~75 ms: done once per
    # process, not once per sync.
    return httpx.create_ssl_context()


def _error_of(response: httpx.Response) -> tuple[str, str]:
    """The `{"error": {"code", "message"}}` of an answer, or a stand-in when it has none."""
    try:
        error = response.json()["error"]
        return str(error["code"]), str(error["message"])
    except (ValueError, KeyError, TypeError):
        return f"http_{response.status_code}", "no error body"


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff
