"""`directory_search_ms`: a people search in the real window, end to end.

The driver opens the people search (as Ctrl+Shift+D does) over the warm-started client and
types the peer's name; the figure runs from the moment the debounced query leaves (the
250 ms pause after the last key is the UI's choice, not the search's cost) to the results
being on screen (`results_shown`, emitted once the model holds them): the request through
the client's ApiClient, the server's directory search, parsing, and the rows going in.
Median of `SEARCHES` searches, each a different way of typing the peer's id.
"""

from __future__ import annotations

import asyncio
import time

SEARCHES = 5


async def measure_directory_search(driver, emit, peer_user: str) -> None:
    """Emit `directory_search` with the times in ms, or `directory_search_failed`."""
    try:
        chat = driver.window.chat
        dialog = chat.directory.find_people()
        shown: list[tuple[str, float]] = []
        dialog.results_shown.connect(lambda term: shown.append((term, time.perf_counter())))
        local = peer_user.lstrip("@").split(":")[0]
        terms = [local, peer_user, "@" + local, local.capitalize(), local.upper()][:SEARCHES]
        times = []
        for term in terms:
            before = len(shown)
            dialog.search.setText(term)
            dialog._debounce.stop()  # the query leaves now, as after the pause
            t0 = time.perf_counter()
            dialog._start_search()
            await driver._until(lambda n=before: len(shown) > n, 30, "results")
            times.append((shown[before][1] - t0) * 1000)
            await asyncio.sleep(0.2)
        dialog.reject()
        emit("directory_search", ms=times, found=dialog.model.rowCount())
    except Exception as exc:  # noqa: BLE001 (reported; the other measures go on)
        emit("directory_search_failed", error=f"{type(exc).__name__}: {exc}")
