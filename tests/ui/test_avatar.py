"""Avatars: a hexagon for a salon, a circle for a direct chat, stable colours."""

from __future__ import annotations

from ui.avatar import AvatarShape, avatar_colour, initials, render_avatar

SIZE = 64


def alpha(image, x: int, y: int) -> int:
    return image.pixelColor(x, y).alpha()


def test_hexagon_and_circle_differ_where_their_outlines_do(qapp):
    circle = render_avatar(SIZE, "Camille", "!dm:x", AvatarShape.CIRCLE)
    hexagon = render_avatar(SIZE, "Télétravail", "!room:x", AvatarShape.HEXAGON)
    mid = SIZE // 2
    # Left edge at mid-height: the circle touches it, a pointy-top hexagon stops ~4 px short.
    assert alpha(circle, 1, mid) > 200
    assert alpha(hexagon, 1, mid) == 0
    # Straight up from the centre both reach the top; the corners stay transparent for both.
    assert alpha(circle, mid, 2) > 200 and alpha(hexagon, mid, 3) > 200
    assert alpha(circle, 0, 0) == 0 and alpha(hexagon, 0, 0) == 0
    # Upper left, between the top and upper-left vertices: inside the circle only.
    assert alpha(circle, 14, 8) > 200
    assert alpha(hexagon, 14, 8) == 0


def test_colour_is_stable_and_initials_skip_sigils(qapp):
    assert avatar_colour("!a:x") == avatar_colour("!a:x")
    assert initials("@bob:x") == "B"
    assert initials("#salon") == "S"
    assert initials("élise") == "É"
    assert initials("") == "?"
