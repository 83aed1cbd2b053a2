"""A 401 that asks for user-interactive auth is not an ended session."""

from __future__ import annotations

from app.net.api import SESSION_ENDING, ApiErrorKind, classify


def test_a_401_with_flows_asks_for_auth_and_keeps_the_body():
    body = {"session": "abc", "flows": [{"stages": ["m.login.password"]}], "params": {}}
    error = classify(401, body)
    assert error.kind is ApiErrorKind.AUTH_REQUIRED
    assert error.kind not in SESSION_ENDING
    assert error.data == body
    wrong_password = classify(401, {**body, "errcode": "M_FORBIDDEN", "completed": []})
    assert wrong_password.kind is ApiErrorKind.AUTH_REQUIRED


def test_a_401_without_flows_still_ends_the_session():
    assert classify(401, {"errcode": "M_UNKNOWN_TOKEN"}).kind is ApiErrorKind.TOKEN_INVALID
    assert classify(401, None).kind is ApiErrorKind.TOKEN_INVALID
    assert classify(401, {"flows": "not a list"}).kind is ApiErrorKind.TOKEN_INVALID
    soft = classify(401, {"errcode": "M_UNKNOWN_TOKEN", "soft_logout": True})
    assert soft.kind is ApiErrorKind.SOFT_LOGOUT
