"""What one call returns: the formatted request (secrets masked), the answer and its status."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """The request as sent, safe to show: the API key and postback key are masked."""

    method: str
    url: str
    headers: dict[str, str]
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ApiResult:
    """The outcome of one action, shaped like automation tools report it.

    ``data`` is the parsed answer (for ``extract`` actions, the part the action is about);
    ``warnings`` explain surprises such as an empty list for a restricted key.
    """

    request: RequestInfo
    resource: str
    operation: str
    success: bool
    status_code: int | None
    data: Any
    elapsed_ms: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def action(self) -> str:
        return f"{self.resource}.{self.operation}"

    def first(self) -> Any:
        """The entity of an answer that may be a list of one (archive, clone, enable...)."""
        if isinstance(self.data, list):
            return self.data[0] if self.data else None
        return self.data

    def to_dict(self) -> dict[str, Any]:
        return {
            "request": self.request.to_dict(),
            "resource": self.resource,
            "operation": self.operation,
            "success": self.success,
            "status_code": self.status_code,
            "data": self.data,
            "warnings": list(self.warnings),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, default=str)
