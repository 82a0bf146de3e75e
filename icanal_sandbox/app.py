"""Builds the FastAPI application and the ASGI stack around it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi

from icanal_sandbox import __version__
from icanal_sandbox.faults import ASGIApp, FaultInjector
from icanal_sandbox.middleware import (
    AddressRateLimit,
    BodyLimit,
    CrashGuard,
    ETagMiddleware,
    QueryTokenGuard,
)
from icanal_sandbox.problems import install_problem_handlers
from icanal_sandbox.routes import (
    account,
    auth,
    billing,
    catalog,
    changes,
    contract_changes,
    payment_methods,
    sandbox,
    subscriptions,
    support,
)
from icanal_sandbox.state import Sandbox

API_PREFIX = "/api/v1"
OPENAPI_PATH = f"{API_PREFIX}/openapi.json"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def _api_router(sandbox_routes: bool, changes_feed: bool) -> APIRouter:
    api = APIRouter(prefix=API_PREFIX)
    api.include_router(auth.router)
    api.include_router(account.router)
    api.include_router(subscriptions.router)
    api.include_router(contract_changes.router)
    api.include_router(catalog.router)
    api.include_router(billing.router)
    api.include_router(payment_methods.router)
    api.include_router(support.router)
    if changes_feed:
        api.include_router(changes.router)
    if sandbox_routes:
        api.include_router(sandbox.router)
    return api


def create_app(state: Sandbox) -> FastAPI:
    app = FastAPI(
        title="iCanal Espace Client API",
        version=__version__,
        description="The contract between the iCanal desktop app and any iCanal server. "
        "A JSON answer to a GET of 1 KiB or more is gzip-compressed when the request accepts "
        "gzip (`Vary: Accept-Encoding`; its ETag is then weak, `W/...`); PDFs never are.",
        openapi_url=OPENAPI_PATH,
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,  # a 307 to another URL is not in the contract; 404 instead
    )
    app.state.sandbox = state
    install_problem_handlers(app)
    app.include_router(_api_router(state.settings.sandbox_routes, state.settings.changes_feed))
    app.openapi = lambda: openapi_document(app)  # type: ignore[method-assign]
    return app


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, with problem responses under their real media type."""
    if app.openapi_schema is None:
        document = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        for path_item in document.get("paths", {}).values():
            for method, operation in path_item.items():
                if method == "get":
                    _document_etag(operation)
                for parameter in operation.get("parameters", []):
                    if parameter["name"] == "Idempotency-Key":
                        # Declared optional in code so that its absence is a 400, not a 422.
                        parameter["required"] = True
                        parameter["schema"] = {"type": "string", "minLength": 1, "maxLength": 255}
                for code, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if code[:1] in "45":
                        content.pop("application/json", None)
                        content["application/problem+json"] = {"schema": PROBLEM_REF}
        app.openapi_schema = document
    return app.openapi_schema


def _document_etag(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    ok = responses.get("200")
    if ok is not None:
        ok.setdefault("headers", {})["ETag"] = {
            "description": "Send it back in If-None-Match to get a 304 when nothing changed "
            "(weak, `W/...`, on a gzip-compressed answer; either form matches).",
            "schema": {"type": "string"},
        }
    responses["304"] = {"description": "Not modified: If-None-Match matched the ETag."}


def build_asgi(sandbox: Sandbox) -> ASGIApp:
    """The FastAPI app wrapped in the layers that apply API.md's rules to every route."""
    app: ASGIApp = create_app(sandbox)
    app = CrashGuard(app)
    app = ETagMiddleware(app)
    app = BodyLimit(app, sandbox.settings.max_body_bytes)
    app = QueryTokenGuard(app)
    app = AddressRateLimit(app, sandbox.address_limiter)
    return FaultInjector(app, sandbox.settings.faults)
