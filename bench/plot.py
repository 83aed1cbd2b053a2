"""The growth curve: each figure's median (with min-max bars) against the number of rooms."""

from __future__ import annotations

import json
from pathlib import Path

from bench.report import FIGURES, RESULTS_FILE

PLOT_FILE = Path(__file__).resolve().parent / "growth.png"


def growth_series(doc: dict) -> dict[str, list[tuple[int, float, float, float]]]:
    """{figure: [(rooms, median, min, max), ...]} sorted by rooms, measured sizes only."""
    series: dict[str, list[tuple[int, float, float, float]]] = {}
    for size in doc.get("sizes", {}).values():
        rooms = size["account"]["rooms"]
        for name, fig in size["figures"].items():
            if fig.get("median") is None:
                continue
            series.setdefault(name, []).append((rooms, fig["median"], fig["min"], fig["max"]))
    return {k: sorted(v) for k, v in series.items()}


def size_labels(doc: dict) -> dict[int, str]:
    """{rooms: "1000\\n100k ev."}: the axis says what each account held."""
    labels = {}
    for size in doc.get("sizes", {}).values():
        rooms, events = size["account"]["rooms"], size["account"]["events"]
        labels[rooms] = f"{rooms}\n{events // 1000}k ev."
    return labels


def plot_growth(results: Path = RESULTS_FILE, out: Path = PLOT_FILE) -> str:
    """Draw every figure measured at two sizes or more; returns a one-line description."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import NullFormatter

    doc = json.loads(Path(results).read_text())
    series = {k: v for k, v in growth_series(doc).items() if len(v) >= 2}
    labels = size_labels(doc)
    if not series:
        return "growth plot: fewer than two sizes measured, nothing to draw"
    names = [f.name for f in FIGURES if f.name in series]
    cols = 3
    rows = (len(names) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.0 * rows), squeeze=False)
    for ax, name in zip(axes.flat, names):
        figure = next(f for f in FIGURES if f.name == name)
        pts = series[name]
        x = [p[0] for p in pts]
        med = [p[1] for p in pts]
        err = [[p[1] - p[2] for p in pts], [p[3] - p[1] for p in pts]]
        ax.errorbar(x, med, yerr=err, marker="o", capsize=3)
        if figure.budget is not None:
            ax.axhline(figure.budget, color="red", linestyle="--", linewidth=1, label="budget")
            ax.legend(fontsize=7)
        ax.set_xscale("log")
        ax.set_xticks(x, [labels.get(v, str(v)) for v in x])
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_title(f"{name} ({figure.unit})", fontsize=9)
        ax.set_xlabel("rooms, events", fontsize=8)
        ax.tick_params(labelsize=7)
        ax.set_ylim(bottom=0)
    for ax in list(axes.flat)[len(names) :]:
        ax.axis("off")
    machine = doc.get("machine", {})
    fig.suptitle(
        f"Tchap Desktop benchmark growth — {machine.get('cpu', '?')}, "
        f"{machine.get('cores', '?')} cores",
        fontsize=10,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.97))  # room for the title
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return f"growth plot: {out} ({len(names)} figures)"
