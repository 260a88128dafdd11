"""The team monitor: counts for a team lead of the team, or withheld where small for an
admin (design.md, "Team directory and monitor"; the JSON in docs/protocol.md, "Monitor")."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from sync.monitor import suppress_small
from sync.protocol import API_PREFIX, Id
from sync.service import access_log
from sync.service import monitor as service_monitor
from sync.service.access_log import AccessEvent
from sync.service.db import transaction
from sync.service.deps import CurrentSettings, CurrentViewer, Factory
from sync.service.errors import ApiError
from sync.service.models import Team
from sync.service.routes import AUTH_ERRORS, CLIENT_ERRORS
from sync.service.visibility import service_today

router = APIRouter(prefix=API_PREFIX, tags=["monitor"])


@router.get("/monitor", responses={**AUTH_ERRORS, **CLIENT_ERRORS,
                                   403: {"description": "not a team lead of the team"},
                                   404: {"description": "no such team"}})
def monitor(
    team_id: Annotated[Id, Query()], viewer: CurrentViewer, factory: Factory,
    settings: CurrentSettings,
) -> dict[str, Any]:
    """The team's figures; never a family's name, a case id or any case content."""
    if viewer.role != "admin" and not viewer.leads(team_id):
        raise ApiError(403, "forbidden", "only a team lead of the team or an admin")
    today = service_today()
    with transaction(factory) as session:
        if session.get(Team, team_id) is None:
            raise ApiError(404, "team_not_found", "no such team")
        figures, decided, plans = service_monitor.figures(
            session, team_id, settings.retention_days, today)
        access_log.append(session, [AccessEvent(
            action="monitor.read", user_id=viewer.user_id, device_id=viewer.device_id,
            address=viewer.address, detail=team_id,
        )])
    if viewer.role == "admin":
        figures = suppress_small(figures, decided, plans)
    else:
        figures["suppressed"] = False
    return {"team_id": team_id, "today": today.isoformat(), **figures}
