#!/usr/bin/env python3
"""Generate the site's figures as deterministic SVG files.

    python scripts/make_figures.py [--out docs/assets/figures]

Every figure NAME is written twice, both on a transparent background:

* ``NAME-light.svg``: dark ink, for Material's light palette and for print;
* ``NAME-dark.svg``: light ink, for Material's dark "slate" palette.

All data are generated from fixed seeds and the SVG writer is configured to
emit no dates or random ids, so two runs write byte-identical files.
``tests/test_figures.py`` checks that the committed copies are up to date.
"""

from __future__ import annotations

import argparse
import math
import re
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import matplotlib as mpl
import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "figures"
SEED = 20240601


# --------------------------------------------------------------------------
# Styling and saving
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """Ink and Okabe-Ito colors for one palette; orange is used for fills only."""

    name: str
    ink: str
    muted: str
    blue: str
    red: str = "#D55E00"  # vermilion
    green: str = "#009E73"
    purple: str = "#CC79A7"
    orange: str = "#E69F00"


THEMES = (
    Theme("light", ink="#222222", muted="#6b6b6b", blue="#0072B2"),
    Theme("dark", ink="#e3e3e3", muted="#9a9a9a", blue="#56B4E9"),
)

# No <metadata> block at all: no date, no creator URL, no matplotlib version.
SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>\s*")


def rc_params(t: Theme) -> dict:
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": "mlops-interview-guide",
        "figure.figsize": (8, 4.5),
        "figure.facecolor": "none",
        "axes.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.edgecolor": "none",
        "font.size": 11,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "axes.labelsize": 11,
        "xtick.labelsize": 10,
        "ytick.labelsize": 10,
        "legend.fontsize": 10,
        "legend.frameon": False,
        "text.color": t.ink,
        "axes.labelcolor": t.ink,
        "axes.edgecolor": t.muted,
        "xtick.color": t.ink,
        "ytick.color": t.ink,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": t.muted,
        "grid.alpha": 0.35,
        "grid.linewidth": 0.6,
        "lines.linewidth": 2.0,
        "hatch.color": t.ink,
    }


def save_variants(draw, name: str, out: Path) -> list[Path]:
    """Draw the figure once per theme and write NAME-light.svg and NAME-dark.svg."""
    written = []
    for theme in THEMES:
        with mpl.rc_context(rc_params(theme)):
            buf = StringIO()
            draw(theme).savefig(buf, format="svg", metadata=SVG_METADATA)
        # The DOCTYPE only names the SVG 1.1 DTD on w3.org; browsers ignore it.
        svg = DOCTYPE.sub("", buf.getvalue())
        path = out / f"{name}-{theme.name}.svg"
        path.write_text(svg, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def diagram_axes():
    """A full-figure axes in 16 x 9 data units (1 unit = half an inch), no frame."""
    fig = Figure()
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 16)
    ax.set_ylim(0, 9)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def box(ax, t: Theme, x, y, w, h, title, detail=None, *, color=None, gate=False, size=10.5):
    """A rounded, tinted box centered on (x, y); a gate gets a thick dashed border."""
    color = color or t.muted
    patch = FancyBboxPatch(
        (x - w / 2, y - h / 2), w, h,
        boxstyle="round,pad=0,rounding_size=0.15",
        facecolor=to_rgba(color, 0.22), edgecolor=color,
        linewidth=2.4 if gate else 1.4, linestyle=(0, (4, 2)) if gate else "-",
    )
    ax.add_patch(patch)
    if detail is None:
        ax.text(x, y, title, ha="center", va="center", fontsize=size, color=t.ink)
    else:
        ax.text(x, y + 0.2 * h, title, ha="center", va="center", fontsize=size,
                fontweight="bold", color=t.ink)
        ax.text(x, y - 0.22 * h, detail, ha="center", va="center", fontsize=size - 1.5,
                color=t.ink, linespacing=1.15)
    return patch


def arrow(ax, t: Theme, a, b, *, rad=0.0, color=None, lw=1.6, ls="-"):
    """An arrow from patch a to patch b, clipped at their borders."""
    ax.add_patch(FancyArrowPatch(
        posA=_center(a), posB=_center(b), patchA=a, patchB=b,
        arrowstyle="-|>", mutation_scale=14, shrinkA=3, shrinkB=3,
        connectionstyle=f"arc3,rad={rad}", color=color or t.ink, linewidth=lw, linestyle=ls,
    ))


def _center(patch):
    bb = patch.get_bbox()
    return ((bb.x0 + bb.x1) / 2, (bb.y0 + bb.y1) / 2)


# --------------------------------------------------------------------------
# Computations (numpy only)
# --------------------------------------------------------------------------


def psi(reference, production, bins=10):
    """Population stability index over quantile bins of the reference sample."""
    edges = np.quantile(reference, np.linspace(0, 1, bins + 1))
    edges[0], edges[-1] = -np.inf, np.inf
    ref = np.histogram(reference, edges)[0] / len(reference)
    prod = np.histogram(production, edges)[0] / len(production)
    ref, prod = np.clip(ref, 1e-6, None), np.clip(prod, 1e-6, None)
    return float(np.sum((prod - ref) * np.log(prod / ref))), prod, edges


def ks_two_sample(a, b):
    """Two-sample Kolmogorov-Smirnov statistic D and its asymptotic p-value."""
    a, b = np.sort(a), np.sort(b)
    grid = np.concatenate([a, b])
    cdf_a = np.searchsorted(a, grid, side="right") / len(a)
    cdf_b = np.searchsorted(b, grid, side="right") / len(b)
    d = float(np.max(np.abs(cdf_a - cdf_b)))
    lam = d * math.sqrt(len(a) * len(b) / (len(a) + len(b)))
    k = np.arange(1, 101)
    p = float(np.clip(2 * np.sum((-1.0) ** (k - 1) * np.exp(-2 * k**2 * lam**2)), 0, 1))
    return d, p


# --------------------------------------------------------------------------
# The figures: one function per figure, each taking a Theme
# --------------------------------------------------------------------------


def mlops_lifecycle(t: Theme):
    fig, ax = diagram_axes()
    cx, cy, rx, ry = 5.3, 3.9, 3.55, 2.75
    steps = [
        ("Data collection\n& validation", t.blue),
        ("Training", t.green),
        ("Model\nvalidation", t.green),
        ("Deployment", t.orange),
        ("Monitoring", t.purple),
        ("Retraining\ntrigger", t.red),
    ]
    boxes = []
    for i, (label, color) in enumerate(steps):
        angle = math.radians(90 - 60 * i)
        boxes.append(box(ax, t, cx + rx * math.cos(angle), cy + ry * math.sin(angle),
                         2.9, 1.05, label, color=color))
    for i in range(len(boxes)):
        last = i == len(boxes) - 1
        arrow(ax, t, boxes[i], boxes[(i + 1) % len(boxes)], rad=-0.22,
              color=t.red if last else t.ink, lw=2.4 if last else 1.6)
    ax.text(cx, cy + 0.35, "continuous loop", ha="center", va="center", fontsize=11,
            fontweight="bold")
    ax.text(cx, cy - 0.45, "triggers: data drift,\nfalling accuracy,\nnew labels, schedule",
            ha="center", va="center", fontsize=9.5, color=t.ink, linespacing=1.2)
    ax.text(cx, 8.5, "MLOps: a loop", ha="center", fontsize=13, fontweight="bold")
    ax.text(cx, 8.05, "code, data and the model's world all change", ha="center",
            fontsize=9.5, color=t.muted)

    ax.plot([10.55, 10.55], [0.4, 8.6], color=t.muted, lw=1, ls=(0, (2, 3)))

    dx = 13.3
    ax.text(dx, 8.5, "DevOps: a line", ha="center", fontsize=13, fontweight="bold")
    ax.text(dx, 8.05, "driven by code changes", ha="center",
            fontsize=9.5, color=t.muted)
    stages = ["Code", "Build", "Test", "Release", "Deploy", "Operate"]
    column = [box(ax, t, dx, 7.05 - 1.2 * i, 3.0, 0.72, s, color=t.blue)
              for i, s in enumerate(stages)]
    for a, b in zip(column, column[1:], strict=False):
        arrow(ax, t, a, b)
    return fig


def ci_cd_ct_pipeline(t: Theme):
    fig, ax = diagram_axes()
    w, h, top, bottom = 3.45, 1.7, 5.8, 2.05
    col = [2.0, 6.0, 10.0, 14.0]
    commit = box(ax, t, col[0], top, w, h, "Code commit", "push or pull request:\ncode, config, pipeline",
                 color=t.blue)
    ci = box(ax, t, col[1], top, w, h, "CI", "unit tests, lint,\ndata & schema validation",
             color=t.blue, gate=True)
    train = box(ax, t, col[2], top, w, h, "Training pipeline", "versioned data + code\n\u2192 candidate model",
                color=t.green)
    gate = box(ax, t, col[3], top, w, h, "Model validation", "not worse than champion\nby more than the margin?",
               color=t.green, gate=True)
    registry = box(ax, t, col[3], bottom, w, h, "Model registry", "versioned model +\napproval to release",
                   color=t.orange, gate=True)
    deploy = box(ax, t, col[2], bottom, w, h, "Deployment", "shadow \u2192 canary \u2192 A/B,\nautomatic rollback",
                 color=t.orange)
    monitor = box(ax, t, col[1], bottom, w, h, "Monitoring", "drift, latency, errors,\nbusiness metrics",
                  color=t.purple)
    for a, b in [(commit, ci), (ci, train), (train, gate), (gate, registry), (registry, deploy),
                 (deploy, monitor)]:
        arrow(ax, t, a, b)
    arrow(ax, t, monitor, train, color=t.red, lw=2.4, rad=-0.15)
    ax.text(7.15, 4.0, "triggers continuous\ntraining (CT)", ha="right", va="center",
            fontsize=10, color=t.ink, fontweight="bold", linespacing=1.15)
    ax.text(col[3] + 0.25, (top + bottom) / 2, "pass", ha="left", va="center", fontsize=9.5)
    ax.text(col[1], top + h / 2 + 0.3, "fail: block the merge", ha="center", fontsize=9.5,
            color=t.muted)
    ax.text(col[3], top + h / 2 + 0.3, "fail: keep current model", ha="center", fontsize=9.5,
            color=t.muted)
    ax.text(8, 8.45, "CI/CD with continuous training: every promotion passes a gate",
            ha="center", fontsize=13, fontweight="bold")

    legend = [("CI: checks", t.blue, False), ("CT: training", t.green, False),
              ("CD: delivery", t.orange, False), ("Monitoring", t.purple, False),
              ("gate (dashed border)", t.muted, True)]
    for i, (label, color, dashed) in enumerate(legend):
        y = 3.25 - 0.58 * i
        box(ax, t, 0.65, y, 0.5, 0.36, "", color=color, gate=dashed)
        ax.text(1.05, y, label, va="center", fontsize=9.5)
    return fig


def data_drift_psi(t: Theme):
    rng = np.random.default_rng(SEED)
    reference = rng.normal(50, 10, 20_000)
    production = rng.normal(56, 12, 20_000)
    score, prod_share, edges = psi(reference, production)
    d, p = ks_two_sample(reference, production)

    fig = Figure(layout="constrained")
    ax, ax2 = fig.subplots(1, 2, width_ratios=(1.55, 1))
    bins = np.linspace(0, 110, 56)
    ax.hist(reference, bins, density=True, histtype="stepfilled", color=t.blue, alpha=0.3)
    ax.hist(reference, bins, density=True, histtype="step", color=t.blue, lw=1.6,
            label="reference (training data)")
    ax.hist(production, bins, density=True, histtype="step", color=t.red, lw=2.0,
            ls=(0, (5, 2)), label="production (this week)")
    for i, edge in enumerate(edges[1:-1]):
        ax.axvline(edge, ymax=0.72, color=t.muted, lw=0.8, ls=":", zorder=0,
                   label="reference deciles (PSI bins)" if i == 0 else None)
    ax.set(xlim=(5, 105), ylim=(0, 0.062), xlabel="feature value", ylabel="density",
           title="One feature, reference vs production")
    ax.grid(False)
    ax.legend(loc="upper left")
    p_text = "p < 0.001" if p < 1e-3 else f"p = {p:.3f}"
    ax.text(0.98, 0.97, f"PSI = {score:.2f}\nKS D = {d:.3f}\n{p_text}\nn = 20,000 each",
            transform=ax.transAxes, ha="right", va="top", fontsize=10.5, linespacing=1.3)

    deciles = np.arange(1, 11)
    ax2.bar(deciles, 100 * prod_share, color=to_rgba(t.red, 0.35), edgecolor=t.red, lw=1.2,
            hatch="//", label="production")
    ax2.axhline(10, color=t.blue, lw=2, label="reference (10% each)")
    ax2.set(xticks=deciles, xlabel="reference decile bin", ylabel="share of rows (%)",
            title="Share per PSI bin", ylim=(0, 1.25 * 100 * prod_share.max()))
    ax2.grid(axis="x", visible=False)
    ax2.legend(loc="upper left")
    return fig


def canary_scenario(rng, breaks_under_load: bool):
    """Per 5-minute window: canary traffic share (%) and canary error rate (%)."""
    shares = np.array([1, 5, 25, 50, 100])
    minutes = np.arange(0, 300, 5)
    share = shares[minutes // 60].astype(float)
    requests = (10_000 * 5 * share / 100).astype(int)  # 10k requests per minute in total
    p_error = np.full(minutes.shape, 0.008)
    if breaks_under_load:  # e.g. a feature lookup that times out once the canary takes 25%
        p_error = p_error + np.where(minutes >= 120, 0.0007 * (minutes - 115), 0.0)
    errors = rng.binomial(requests, p_error)
    rate = 100 * errors / requests
    breach = np.flatnonzero(rate > 2.0)
    stop = breach[0] if breach.size else None
    if stop is not None:
        share[stop + 1:] = 0.0
        rate[stop + 1:] = np.nan
    return minutes, share, rate, stop


def canary_rollout(t: Theme):
    rng = np.random.default_rng(SEED)
    fig = Figure(layout="constrained")
    axes = fig.subplots(2, 2, sharex=True, sharey="row", height_ratios=(1, 1.1))
    titles = ("Healthy: promoted to 100%", "Guardrail breached: rollback")
    for column, breaks in enumerate((False, True)):
        minutes, share, rate, stop = canary_scenario(rng, breaks)
        top, bottom = axes[0, column], axes[1, column]
        top.step(np.append(minutes, 300), np.append(share, share[-1]), where="post",
                 color=t.blue, lw=2.2)
        top.set_yscale("symlog", linthresh=1, linscale=0.4)
        top.set_yticks([0, 1, 5, 25, 50, 100], ["0", "1", "5", "25", "50", "100"])
        top.set_ylim(-0.1, 180)
        top.set_title(titles[column], fontsize=11)
        bottom.plot(minutes + 2.5, rate, color=t.red, marker="o", ms=3.5, lw=1.4,
                    label="canary error rate")
        bottom.axhline(0.8, color=t.muted, lw=1.4, ls=(0, (5, 2)), label="current model")
        bottom.axhline(2.0, color=t.ink, lw=1.2, ls=":", label="guardrail 2%")
        bottom.set_ylim(0, 3.6)
        bottom.set_xlim(0, 300)
        bottom.set_xticks(range(0, 301, 60))
        bottom.set_xlabel("minutes since rollout start")
        if stop is not None:
            when = minutes[stop] + 5
            for a in (top, bottom):
                a.axvline(when, color=t.red, lw=1, ls=(0, (2, 2)))
            bottom.plot(when - 2.5, rate[stop], marker="X", ms=10, color=t.red, ls="none")
            bottom.annotate(f"{rate[stop]:.1f}% > 2% at {when} min", (when - 2.5, rate[stop]),
                            xytext=(when + 12, 3.05), fontsize=9.5, va="center",
                            arrowprops=dict(arrowstyle="-", color=t.ink, lw=0.8))
            top.annotate(f"rolled back to 0%\nat {when} min", (when, 0), xytext=(when + 25, 12),
                         fontsize=9.5, va="center",
                         arrowprops=dict(arrowstyle="-|>", color=t.ink, lw=0.8))
    axes[0, 0].set_ylabel("traffic to new\nmodel (%, log)")
    axes[1, 0].set_ylabel("error rate (%)\nper 5 min")
    axes[1, 0].legend(loc="upper left", ncols=3, fontsize=9, handlelength=1.8,
                      columnspacing=0.8)
    return fig


def curse_of_dimensionality(t: Theme):
    rng = np.random.default_rng(SEED)
    dims = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    ratios = []
    for d in dims:
        points = rng.random((500, d))
        queries = rng.random((20, d))
        dist = np.sqrt(((queries[:, None, :] - points[None, :, :]) ** 2).sum(axis=-1))
        ratios.append(dist.min(axis=1) / dist.max(axis=1))
    ratios = np.array(ratios)
    mean = ratios.mean(axis=1)

    fig = Figure(layout="constrained")
    ax = fig.subplots()
    ax.fill_between(dims, ratios.min(axis=1), ratios.max(axis=1), color=t.blue, alpha=0.25,
                    lw=0, label="range over 20 query points")
    ax.plot(dims, mean, color=t.blue, marker="o", label="mean over 20 query points")
    ax.axhline(1, color=t.muted, lw=1, ls=":")
    ax.set_xscale("log")
    ax.set_xticks(dims, [str(d) for d in dims])
    ax.minorticks_off()
    ax.set(ylim=(0, 1.05), xlabel="dimension d (log scale)",
           ylabel="nearest / farthest distance",
           title="Distances concentrate: 500 uniform points in a d-dimensional unit cube")
    for i, xytext in ((0, (10, 45)), (len(dims) - 1, (-60, -40))):
        ax.annotate(f"d = {dims[i]}: {mean[i]:.3f}", (dims[i], mean[i]), xytext=xytext,
                    textcoords="offset points", fontsize=10,
                    arrowprops=dict(arrowstyle="-", color=t.ink, lw=0.8))
    ax.legend(loc="lower right")
    return fig


def precision_recall_threshold(t: Theme):
    rng = np.random.default_rng(SEED)
    positives = rng.beta(6, 2, 1_000)  # 2% of 50,000 rows
    negatives = rng.beta(2, 6, 49_000)
    thresholds = np.arange(1, 100) / 100
    tp = np.array([(positives >= c).sum() for c in thresholds], dtype=float)
    fp = np.array([(negatives >= c).sum() for c in thresholds], dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), np.nan)
    recall = tp / len(positives)
    f1 = 2 * precision * recall / (precision + recall)
    best = int(np.nanargmax(f1))
    half = int(np.argmin(np.abs(thresholds - 0.5)))

    fig = Figure(layout="constrained")
    ax = fig.subplots()
    ax.plot(thresholds, precision, color=t.blue, label="precision")
    ax.plot(thresholds, recall, color=t.red, ls=(0, (6, 2)), label="recall")
    ax.plot(thresholds, f1, color=t.green, ls=(0, (4, 1.5, 1, 1.5)), lw=2.6, label="F1")
    ax.axvline(thresholds[best], color=t.ink, lw=1, ls=":")
    ax.plot(thresholds[best], f1[best], marker="D", ms=8, color=t.green, ls="none")
    ax.annotate(f"best F1 = {f1[best]:.2f} at threshold {thresholds[best]:.2f}\n"
                f"precision {precision[best]:.2f}, recall {recall[best]:.2f}",
                (thresholds[best], f1[best]), xytext=(0.16, 0.66), ha="left", va="center",
                fontsize=10,
                arrowprops=dict(arrowstyle="-", color=t.ink, lw=0.8))
    ax.plot(0.5, precision[half], marker="o", ms=7, mfc="none", mec=t.ink, ls="none")
    ax.annotate(f"default 0.5: precision {precision[half]:.2f},\nrecall {recall[half]:.2f}",
                (0.5, precision[half]), xytext=(0.55, 0.1), ha="left", va="center",
                fontsize=10,
                arrowprops=dict(arrowstyle="-", color=t.ink, lw=0.8))
    ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="decision threshold on the model score",
           ylabel="metric value",
           title="Precision, recall and F1 vs threshold: 50,000 rows, 2% positive")
    ax.legend(loc="upper left", bbox_to_anchor=(0, 0.95))
    return fig


def containers_vs_vms(t: Theme):
    fig, ax = diagram_axes()
    infra = to_rgba(t.muted)

    def layer(x0, x1, y, h, text, color, **kw):
        return box(ax, t, (x0 + x1) / 2, y + h / 2, x1 - x0, h, text, color=color, **kw)

    def columns(x0, x1, n=3, gap=0.2):
        w = (x1 - x0 - gap * (n - 1)) / n
        return [(x0 + i * (w + gap), x0 + i * (w + gap) + w) for i in range(n)]

    # Virtual machines, left
    L0, L1 = 0.4, 7.6
    ax.text((L0 + L1) / 2, 8.45, "Virtual machines", ha="center", fontsize=13, fontweight="bold")
    layer(L0, L1, 1.3, 0.8, "Infrastructure (server, CPU/GPU)", infra)
    layer(L0, L1, 2.25, 0.8, "Hypervisor", t.purple)
    for i, (x0, x1) in enumerate(columns(L0, L1)):
        ax.add_patch(FancyBboxPatch((x0 - 0.05, 3.15), x1 - x0 + 0.1, 4.55,
                                    boxstyle="round,pad=0,rounding_size=0.15", fill=False,
                                    edgecolor=t.muted, ls=(0, (3, 2)), lw=1.2))
        ax.text((x0 + x1) / 2, 7.45, f"VM {i + 1}", ha="center", va="center", fontsize=9.5,
                color=t.muted)
        layer(x0 + 0.1, x1 - 0.1, 3.25, 1.3, "Guest OS\n(own kernel)", t.red)
        layer(x0 + 0.1, x1 - 0.1, 4.7, 1.05, "Bins / libs", t.green)
        layer(x0 + 0.1, x1 - 0.1, 5.9, 1.3, f"App {'ABC'[i]}", t.blue)
    ax.text((L0 + L1) / 2, 0.6, "each VM boots a full guest OS:\nGB-sized images, starts in minutes",
            ha="center", va="center", fontsize=9.5, linespacing=1.2)

    # Containers, right
    R0, R1 = 8.4, 15.6
    ax.text((R0 + R1) / 2, 8.45, "Containers", ha="center", fontsize=13, fontweight="bold")
    layer(R0, R1, 1.3, 0.8, "Infrastructure (server, CPU/GPU)", infra)
    layer(R0, R1, 2.25, 0.8, "Host OS with the one shared kernel", t.purple)
    layer(R0, R1, 3.2, 0.8, "Container runtime (containerd, runc)", t.orange)
    apps = [("Model server\n+ model.onnx", "Python +\nonnxruntime"),
            ("Feature\nAPI", "Python libs"), ("Batch\nscoring job", "pandas, libs")]
    for i, ((x0, x1), (app, libs)) in enumerate(zip(columns(R0, R1), apps, strict=False)):
        ax.add_patch(FancyBboxPatch((x0 - 0.05, 4.1), x1 - x0 + 0.1, 3.6,
                                    boxstyle="round,pad=0,rounding_size=0.15", fill=False,
                                    edgecolor=t.ink if i == 0 else t.muted,
                                    ls=(0, (3, 2)), lw=2.0 if i == 0 else 1.2))
        ax.text((x0 + x1) / 2, 7.45, "model serving" if i == 0 else "container",
                ha="center", va="center", fontsize=9.5, color=t.ink if i == 0 else t.muted)
        layer(x0 + 0.1, x1 - 0.1, 4.2, 1.2, libs, t.green, size=9.5)
        layer(x0 + 0.1, x1 - 0.1, 5.55, 1.65, app, t.blue, size=9.5)
    ax.text((R0 + R1) / 2, 0.6,
            "containers share the host kernel:\nsmaller images, start in seconds",
            ha="center", va="center", fontsize=9.5, linespacing=1.2)
    ax.plot([8, 8], [0.3, 8.7], color=t.muted, lw=1, ls=(0, (2, 3)))
    return fig


def retraining_runs(weeks=52, threshold=0.82):
    """AUC per week under three policies, with the weeks in which a new model goes live."""
    rng = np.random.default_rng(SEED)
    drift = np.cumsum(0.0025 + 0.0015 * rng.random(weeks))  # gradual drift of the world
    drift[30:] += 0.035  # an abrupt upstream change in week 30
    noise = rng.normal(0, 0.004, weeks)  # the same measurement noise for every policy

    def auc(week, trained_on):
        return 0.86 - (drift[week] - drift[trained_on]) + noise[week]

    never = np.array([auc(w, 0) for w in range(weeks)])
    scheduled_weeks = [13, 26, 39]
    scheduled = np.array([auc(w, max([0] + [s for s in scheduled_weeks if s <= w]))
                          for w in range(weeks)])
    triggered, trigger_weeks, trained_on = [], [], 0
    for w in range(weeks):
        triggered.append(auc(w, trained_on))
        if triggered[-1] < threshold and w + 1 < weeks:  # retrain; live from next week
            trained_on = w
            trigger_weeks.append(w + 1)
    return never, (scheduled, scheduled_weeks), (np.array(triggered), trigger_weeks)


def retraining_triggers(t: Theme):
    threshold = 0.82
    never, (scheduled, s_weeks), (triggered, t_weeks) = retraining_runs(threshold=threshold)
    weeks = np.arange(len(never))

    fig = Figure(layout="constrained")
    ax = fig.subplots()
    ax.plot(weeks, never, color=t.muted, ls=(0, (7, 3)),
            label=f"no retraining (mean AUC {never.mean():.3f})")
    ax.plot(weeks, scheduled, color=t.blue, marker="s", markevery=s_weeks, ms=8,
            label=f"every 13 weeks: {len(s_weeks)} retrains (mean {scheduled.mean():.3f})")
    ax.plot(weeks, triggered, color=t.red, marker="^", markevery=t_weeks, ms=9,
            ls=(0, (3, 1)), lw=2.2,
            label=f"below threshold: {len(t_weeks)} retrains (mean {triggered.mean():.3f})")
    ax.axhline(threshold, color=t.ink, lw=1.1, ls=":", label=f"retraining threshold (AUC {threshold})")
    ax.axvline(30, color=t.muted, lw=1, ls=(0, (2, 2)))
    ax.text(30.6, 0.765, "week 30: upstream\ndata change", va="center", fontsize=9.5, color=t.ink)
    ax.set(xlim=(0, 51.8), ylim=(min(never.min(), 0.7) - 0.01, 0.88), xlabel="week",
           ylabel="AUC on labeled traffic",
           title="Model quality over a year: markers show a retrained model going live")
    ax.legend(loc="lower left", fontsize=9.5)
    return fig


def feature_store(t: Theme):
    fig, ax = diagram_axes()
    ax.text(8, 8.5, "Feature store: one definition, two stores", ha="center", fontsize=13,
            fontweight="bold")
    top, bottom, h = 6.35, 3.35, 1.7
    batch = box(ax, t, 1.5, top, 2.8, h, "Batch tables", "warehouse,\nParquet files")
    stream = box(ax, t, 1.5, bottom, 2.8, h, "Event streams", "Kafka, Kinesis")
    pipes = box(ax, t, 5.05, (top + bottom) / 2, 2.5, top - bottom + h, "Feature\npipelines",
                "batch and\nstreaming\ntransforms", color=t.green)
    offline = box(ax, t, 8.85, top, 3.1, h, "Offline store", "full history with\nevent timestamps",
                  color=t.blue)
    online = box(ax, t, 8.85, bottom, 3.1, h, "Online store", "latest value\nper entity key",
                 color=t.orange)
    train = box(ax, t, 13.5, top, 3.9, h, "Training job", "point-in-time joins\n\u2192 training set",
                color=t.blue)
    serve = box(ax, t, 13.5, bottom, 3.9, h, "Model server", "key lookups in ms,\nper request",
                color=t.orange)
    for a, b in [(batch, pipes), (stream, pipes), (pipes, offline), (offline, train),
                 (online, serve)]:
        arrow(ax, t, a, b)
    arrow(ax, t, pipes, online, ls=(0, (4, 2)))
    arrow(ax, t, offline, online, color=t.red, lw=2.4)
    ax.text(9.05, (top + bottom) / 2, "materialization\n(scheduled)", ha="left", va="center",
            fontsize=10, fontweight="bold", linespacing=1.15)
    ax.text(6.45, 3.75, "push", ha="left", va="center", fontsize=10)
    box(ax, t, 8.0, 0.95, 15.4, 0.95, "Registry: one definition per feature (name, entity key, "
        "type, source), shared by both paths", color=t.purple, gate=True)
    return fig


def point_in_time_join(t: Theme):
    fig, ax = diagram_axes()
    start = np.datetime64("2026-02-19T00:00")
    x0, per_day = 2.55, 0.8

    def x(when):
        return x0 + per_day * (np.datetime64(when) - start) / np.timedelta64(1, "D")

    ax.text(8, 8.5, "Point-in-time join: each label sees only the past", ha="center",
            fontsize=13, fontweight="bold")
    lanes = (  # the page's example: values of tickets_7d, then labels with what each join gives
        ("customer 1", 5.2, [("2026-02-28", 0), ("2026-03-04", 2), ("2026-03-06", 5)],
         [("2026-03-01T10:00", "1 Mar 10:00", 0, "5", 48), ("2026-03-05T09:00", "5 Mar 09:00", 2, "5", 26)]),
        ("customer 2", 2.35, [("2026-02-20", 1)],
         [("2026-03-03T12:00", "3 Mar 12:00", None, "1", 0)]),
    )
    for name, y, values, labels in lanes:
        ax.text(0.2, y, name, ha="left", va="center", fontsize=11, fontweight="bold")
        ax.plot([x0, x("2026-03-07")], [y, y], color=t.muted, lw=1.4)
        points = {}
        for when, value in values:
            ax.plot(x(when), y, marker="o", ms=22, color=to_rgba(t.blue, 0.25), mec=t.blue,
                    mew=1.6, ls="none", zorder=3)
            ax.text(x(when), y, str(value), ha="center", va="center", fontsize=12,
                    fontweight="bold", zorder=4)
            points[value] = x(when)
        for when, text, picked, naive, arm in labels:
            lx = x(when)
            ax.plot([lx, lx], [y - 0.5, y + 0.5], color=t.ink, lw=2.2, zorder=2)
            got = "NaN" if picked is None else str(picked)
            ax.text(lx, y - 0.7, f"label {text}\nas-of {got}, naive {naive}", ha="center",
                    va="top", fontsize=10, linespacing=1.25)
            if picked is not None:
                ax.add_patch(FancyArrowPatch((lx - 0.05, y + 0.15), (points[picked] + 0.22, y + 0.18),
                             arrowstyle="-|>", mutation_scale=14, color=t.green, lw=2.4,
                             connectionstyle="arc3,rad=0.55", zorder=5))
            if arm:
                ax.add_patch(FancyArrowPatch((lx, y + 0.5), (points[int(naive)], y + 0.32),
                             arrowstyle="-|>", mutation_scale=14, color=t.red, lw=1.8,
                             ls=(0, (4, 2)), zorder=5,
                             connectionstyle=f"arc,angleA=90,angleB=90,armA={arm},"
                                             f"armB={arm + 9},rad=6"))
    # customer 2: the only value is older than the TTL
    y2 = lanes[1][1]
    lo, hi = x("2026-02-24T12:00"), x("2026-03-03T12:00")
    ax.add_patch(FancyBboxPatch((lo, y2 - 0.4), hi - lo, 0.8, boxstyle="square,pad=0",
                                facecolor=to_rgba(t.green, 0.18), edgecolor="none", zorder=1))
    ax.text((lo + hi) / 2, y2 + 0.65, "7-day TTL window: empty", ha="center", va="center",
            fontsize=10)
    ax.text(x("2026-02-20"), y2 - 0.7, "11.5 days old", ha="center", va="top", fontsize=10)
    # date axis
    ya = 0.75
    ax.plot([x0, x("2026-03-07")], [ya, ya], color=t.muted, lw=1)
    for day in range(0, 17, 2):
        when = start + np.timedelta64(day, "D")
        ax.plot([x(when)] * 2, [ya - 0.1, ya + 0.1], color=t.muted, lw=1)
        d = when.astype(object)
        ax.text(x(when), ya - 0.22, f"{d.day} {d:%b}", ha="center", va="top", fontsize=9.5)
    # legend
    ly = 7.7
    ax.plot(0.45, ly, marker="o", ms=14, color=to_rgba(t.blue, 0.25), mec=t.blue, mew=1.4)
    ax.text(0.8, ly, "tickets_7d written", va="center", fontsize=10)
    ax.plot([4.3, 4.3], [ly - 0.3, ly + 0.3], color=t.ink, lw=2.2)
    ax.text(4.55, ly, "label (prediction time)", va="center", fontsize=10)
    ax.add_patch(FancyArrowPatch((8.35, ly), (9.15, ly), arrowstyle="-|>", mutation_scale=14,
                                 color=t.green, lw=2.4))
    ax.text(9.3, ly, "as-of join", va="center", fontsize=10)
    ax.add_patch(FancyArrowPatch((11.15, ly), (11.95, ly), arrowstyle="-|>", mutation_scale=14,
                                 color=t.red, lw=1.8, ls=(0, (4, 2))))
    ax.text(12.1, ly, "naive: latest overall", va="center", fontsize=10)
    return fig


def rag_pipeline(t: Theme):
    fig, ax = diagram_axes()
    ax.text(8, 8.5, "RAG: index offline, retrieve and generate per query", ha="center",
            fontsize=13, fontweight="bold")
    r1, r2, r3, h = 6.7, 4.25, 1.55, 1.45
    docs = box(ax, t, 1.5, r1, 2.5, h, "Documents", "PDF, HTML,\nslides", color=t.blue)
    chunk = box(ax, t, 5.0, r1, 2.9, h, "Parse & chunk", "text + metadata,\n300-512 tokens",
                color=t.blue)
    embed = box(ax, t, 8.7, r1, 2.9, h, "Embed", "bi-encoder,\none model version",
                color=t.blue)
    bm25 = box(ax, t, 5.0, r2, 2.9, h, "BM25 index", "exact tokens", color=t.purple)
    vec = box(ax, t, 8.7, r2, 2.9, h, "Vector index", "ANN search", color=t.purple)
    query = box(ax, t, 1.35, r3, 2.3, h, "Query", "user question", color=t.orange)
    hybrid = box(ax, t, 6.6, r3, 3.1, h, "Hybrid retrieval", "BM25 + dense,\ntop 50",
                 color=t.orange)
    rerank = box(ax, t, 10.25, r3, 2.9, h, "Fuse + rerank", "RRF, cross-encoder\n\u2192 top 3 to 8",
                 color=t.orange)
    prompt = box(ax, t, 14.2, r3, 3.2, h, "Prompt assembly", "instructions, chunks\nwith ids, question",
                 color=t.green)
    llm = box(ax, t, 14.2, r2, 3.2, h, "LLM", "answers from\nthe sources", color=t.green)
    answer = box(ax, t, 14.2, r1, 3.2, h, "Answer", "with citations\n(chunk ids)", color=t.green)
    for a, b in [(docs, chunk), (chunk, embed), (chunk, bm25), (embed, vec), (query, hybrid),
                 (hybrid, rerank), (rerank, prompt), (prompt, llm), (llm, answer)]:
        arrow(ax, t, a, b)
    arrow(ax, t, bm25, hybrid, color=t.purple)
    arrow(ax, t, vec, hybrid, color=t.purple)
    ax.text(0.25, 8.0 - 0.05, "offline: on every document change", ha="left", va="center",
            fontsize=10, color=t.muted)
    ax.text(0.25, r3 - h / 2 - 0.35, "online: per query", ha="left", va="center", fontsize=10,
            color=t.muted)
    return fig


def parallelism(t: Theme):
    fig, ax = diagram_axes()
    layer_colors = (t.blue, t.green, t.orange, t.purple)
    for cx, title in ((2.65, "Data parallel"), (8.0, "Tensor parallel"), (13.35, "Pipeline parallel")):
        ax.text(cx, 8.45, title, ha="center", fontsize=13, fontweight="bold")
    for xx in (5.33, 10.67):
        ax.plot([xx, xx], [0.3, 8.7], color=t.muted, lw=1, ls=(0, (2, 3)))

    def gpu(x, y, w, h, label):
        patch = FancyBboxPatch((x - w / 2, y - h / 2), w, h,
                               boxstyle="round,pad=0,rounding_size=0.15", fill=False,
                               edgecolor=t.muted, ls=(0, (3, 2)), lw=1.2)
        ax.add_patch(patch)
        ax.text(x, y + h / 2 - 0.3, label, ha="center", va="center", fontsize=10,
                fontweight="bold")
        return patch

    # Data parallel: full replicas on different data, gradients all-reduced
    ax.text(2.65, 7.85, "each GPU: the whole model", ha="center", fontsize=10, color=t.muted)
    box(ax, t, 2.65, 1.2, 4.7, 1.05, "all-reduce gradients",
                 "every replica takes the same step", color=t.red, size=10.5)
    for i, gx in enumerate((1.4, 3.9)):
        shard = box(ax, t, gx, 7.2, 2.2, 0.55, f"data shard {i + 1}", color=t.muted, size=10)
        g = gpu(gx, 4.55, 2.2, 3.9, f"GPU {i + 1}")
        for j, c in enumerate(layer_colors):
            box(ax, t, gx, 5.55 - 0.72 * j, 1.7, 0.56, f"layer {j + 1}", color=c, size=10)
        arrow(ax, t, shard, g)
        ax.add_patch(FancyArrowPatch((gx, 2.58), (gx, 1.75), arrowstyle="<|-|>",
                                     mutation_scale=14, color=t.red, lw=2.4))

    # Tensor parallel: one layer's weight matrix split by columns over two GPUs
    ax.text(8.0, 7.85, "one layer's matrix, split", ha="center", fontsize=10, color=t.muted)
    xin = box(ax, t, 8.0, 6.9, 3.4, 0.6, "input X to both GPUs", color=t.muted, size=10)
    out = box(ax, t, 8.0, 1.55, 3.6, 1.05, "all-reduce outputs", "inside every layer",
              color=t.red, size=10.5)
    for i, (gx, half) in enumerate(((6.75, "left"), (9.25, "right"))):
        gpu(gx, 4.45, 2.2, 3.4, f"GPU {i + 1}")
        w = box(ax, t, gx, 4.2, 1.9, 1.9, ("W\u2081", "W\u2082")[i], f"{half} half\nof columns",
                color=t.blue, size=12)
        arrow(ax, t, xin, w)
        arrow(ax, t, w, out)
    ax.text(8.0, 0.6, "kept on NVLink inside a node", ha="center", fontsize=9.5, color=t.muted)

    # Pipeline parallel: consecutive layers as stages, micro-batches flowing through
    ax.text(13.35, 7.85, "layers split into stages", ha="center", fontsize=10, color=t.muted)
    s1 = box(ax, t, 12.0, 6.5, 1.9, 1.4, "Stage 1", "GPU 1:\nlayers 1-2", color=t.blue, size=10.5)
    s2 = box(ax, t, 14.7, 6.5, 1.9, 1.4, "Stage 2", "GPU 2:\nlayers 3-4", color=t.orange, size=10.5)
    arrow(ax, t, s1, s2)
    ax.text(13.35, 5.5, "activations", ha="center", va="center", fontsize=9.5)
    cell, gx0 = 0.7, 11.9
    for y, label, color, shift in ((4.55, "GPU 1", t.blue, 0), (3.7, "GPU 2", t.orange, 1)):
        ax.text(gx0 - 0.15, y, label, ha="right", va="center", fontsize=10)
        for slot in range(5):
            xx, m = gx0 + cell * (slot + 0.5), slot - shift + 1
            if 1 <= m <= 4:
                box(ax, t, xx, y, cell - 0.08, 0.7, str(m), color=color, size=11)
            else:
                ax.add_patch(FancyBboxPatch((xx - (cell - 0.08) / 2, y - 0.35), cell - 0.08, 0.7,
                                            boxstyle="round,pad=0,rounding_size=0.1", fill=False,
                                            edgecolor=t.muted, ls=(0, (2, 2)), lw=1))
    ax.add_patch(FancyArrowPatch((gx0, 2.95), (gx0 + 5 * cell, 2.95), arrowstyle="-|>",
                                 mutation_scale=12, color=t.muted, lw=1.2))
    ax.text(gx0 + 2.5 * cell, 2.7, "time", ha="center", va="top", fontsize=9.5, color=t.muted)
    ax.text(13.35, 1.35, "4 micro-batches; the empty\nslots are the bubble", ha="center",
            va="center", fontsize=10, linespacing=1.2)
    return fig


def fraud_detection(t: Theme):
    fig, ax = diagram_axes()
    ax.text(8, 8.55, "Fraud detection: a fast decision path and a slow label path", ha="center",
            fontsize=13, fontweight="bold")
    w, h = 3.2, 1.55
    col = [1.9, 6.0, 10.1, 14.15]
    top, mid, low = 6.85, 4.3, 1.75
    auth = box(ax, t, col[0], top, w, h, "Authorization", "card, device,\namount, merchant",
               color=t.blue)
    svc = box(ax, t, col[1], top, w, h, "Decision service", "rules, then GBDT\nrisk score", color=t.orange)
    dec = box(ax, t, col[2], top, w, h, "Decision", "approve, 3DS,\nreview or decline",
              color=t.orange)
    rev = box(ax, t, col[3], top, w, h, "Review queue", "analysts see score,\nreasons, rule hits",
              color=t.purple)
    stream = box(ax, t, col[0], mid, w, h, "Stream jobs", "velocity per card,\ndevice, IP; graph links",
                 color=t.green)
    online = box(ax, t, col[1], mid, w, h, "Online store", "latest aggregates\nper key", color=t.green)
    gate = box(ax, t, col[2], mid, w, h, "Gate and rollout", "cost on a later window;\nshadow, then canary",
               color=t.blue, gate=True)
    labels = box(ax, t, col[3], mid, w, h, "Labels", "verdicts, chargebacks,\nexploration slice",
                 color=t.purple)
    offline = box(ax, t, col[1], low, w, h, "Offline store", "features with event\ntimes, decision log",
                  color=t.blue)
    train = box(ax, t, col[2], low, w, h, "Training", "matured labels,\ntime-ordered split",
                color=t.blue)
    cb = box(ax, t, col[3], low, w, h, "Chargebacks", "arrive weeks\nlater", color=t.muted)
    for a, b in [(auth, svc), (svc, dec), (dec, rev), (auth, stream), (stream, online),
                 (online, svc), (stream, offline), (rev, labels), (cb, labels), (offline, train),
                 (labels, train), (train, gate)]:
        arrow(ax, t, a, b)
    arrow(ax, t, gate, svc, color=t.red, lw=2.4, ls=(0, (4, 2)))
    ax.text(col[1], top + h / 2 + 0.3, "synchronous, p99 100 ms", ha="center", fontsize=9.5,
            color=t.muted)
    ax.text(col[0], low, "slow path: labels\nmature over weeks\nto months; a trigger\nretrains, weekly as\nthe fallback",
            ha="center", va="center", fontsize=9.5, color=t.muted, linespacing=1.2)
    return fig


def low_latency_prediction_service(t: Theme):
    fig, ax = diagram_axes()
    ax.text(8, 8.55, "Low-latency prediction service: a 50 ms p99 split per hop", ha="center",
            fontsize=13, fontweight="bold")
    h = 1.7
    y = 5.6
    client = box(ax, t, 1.6, y, 2.7, h, "Client", "sets a 50 ms\ndeadline; network 6", color=t.blue)
    lb = box(ax, t, 5.05, y, 2.9, h, "L7 load balancer", "gRPC, per-request\nbalancing; 3 ms",
             color=t.blue)
    svc = box(ax, t, 9.0, y, 3.6, 2.3, "Prediction service", "decode 2, model 12,\nencode 4 ms;\n"
              "3 zones, 70% load", color=t.orange)
    feats = [box(ax, t, 14.1, 7.35, 3.3, 1.05, "User features", color=t.green, size=10),
             box(ax, t, 14.1, 5.6, 3.3, 1.05, "Item features", color=t.green, size=10),
             box(ax, t, 14.1, 3.85, 3.3, 1.05, "Context cache", color=t.green, size=10)]
    for a, b in [(client, lb), (lb, svc)]:
        arrow(ax, t, a, b)
    for f in feats:
        arrow(ax, t, svc, f)
    ax.text(14.1, 2.75, "in parallel, 15 ms;\nhedge slow reads", ha="center", va="center",
            fontsize=9.5, color=t.muted, linespacing=1.2)
    fallback = box(ax, t, 9.0, 2.1, 3.6, 1.45, "Fallback", "cached or default\nscore on timeout",
                   color=t.red, gate=True)
    arrow(ax, t, svc, fallback, ls=(0, (4, 2)))
    scaler = box(ax, t, 5.05, 2.1, 2.9, 1.45, "Autoscaler", "in-flight requests\nper replica",
                 color=t.purple)
    arrow(ax, t, scaler, svc, color=t.purple)
    ax.text(1.6, 2.1, "margin 8 ms\nfor GC pauses,\nretries, bursts", ha="center", va="center",
            fontsize=9.5, color=t.muted, linespacing=1.2)
    return fig


def multi_region_ml_serving(t: Theme):
    fig, ax = diagram_axes()
    ax.text(8, 8.6, "Multi-region serving: the survivors absorb a failed region", ha="center",
            fontsize=13, fontweight="bold")
    box(ax, t, 8.0, 7.45, 9.4, 1.0, "Global load balancer or DNS: health checks, TTL 60 s",
              color=t.blue, size=10.5)
    cols = [2.75, 8.0, 13.25]
    names = ["Region A", "Region B", "Region C"]
    stores = []
    for cx, name in zip(cols, names, strict=True):
        frame = FancyBboxPatch((cx - 2.4, 1.95), 4.8, 4.55, boxstyle="round,pad=0,rounding_size=0.15",
                               fill=False, edgecolor=t.muted, ls=(0, (3, 2)), lw=1.2)
        ax.add_patch(frame)
        ax.text(cx, 6.15, name, ha="center", va="center", fontsize=10.5, fontweight="bold")
        box(ax, t, cx, 5.15, 4.1, 1.05, "GPU model servers", "sized for N+1",
                  color=t.orange, size=10)
        store = box(ax, t, cx, 3.85, 4.1, 1.05, "Online feature store", "replica, lag watched",
                    color=t.green, size=10)
        box(ax, t, cx, 2.6, 4.1, 0.85, "Image and model mirror", color=t.purple, size=10)
        start = (min(max(cx, 3.9), 12.1), 6.93)
        ax.add_patch(FancyArrowPatch(start, (cx, 6.55), arrowstyle="-|>", mutation_scale=14,
                                     color=t.ink, lw=1.6, shrinkA=0, shrinkB=0))
        stores.append(store)
    for a, b in zip(stores, stores[1:], strict=False):
        ax.add_patch(FancyArrowPatch(_center(a), _center(b), patchA=a, patchB=b, arrowstyle="<|-|>",
                                     mutation_scale=12, color=t.green, lw=1.4, ls=(0, (4, 2)),
                                     shrinkA=3, shrinkB=3))
    for i, cx in enumerate(cols, start=1):
        ax.add_patch(FancyArrowPatch((cx, 1.32), (cx, 1.93), arrowstyle="-|>", mutation_scale=12,
                                     color=t.blue, lw=1.6, shrinkA=0, shrinkB=0))
        ax.text(cx + 0.2, 1.62, str(i), ha="left", va="center", fontsize=10, fontweight="bold",
                color=t.blue)
    box(ax, t, 8.0, 0.9, 14.6, 0.8, "CI/CD and model registry: one image digest, rolled out region by "
        "region (A, then B, then C)", color=t.blue, gate=True, size=10)
    return fig


def _vertical_arrow(ax, t: Theme, x, y0, y1, *, color=None, ls="-"):
    ax.add_patch(FancyArrowPatch((x, y0), (x, y1), arrowstyle="-|>", mutation_scale=14,
                                 color=color or t.ink, lw=1.6, linestyle=ls))


def recommendation_system(t: Theme):
    fig, ax = diagram_axes()
    ax.text(8, 8.5, "Video recommender: retrieve, rank, re-rank, learn from impressions",
            ha="center", fontsize=13, fontweight="bold")
    top, bottom, h = 6.45, 1.75, 1.75
    request = box(ax, t, 1.35, top, 2.3, h, "Request", "user, recent\nwatches, context",
                  color=t.orange)
    retrieval = box(ax, t, 4.55, top, 3.3, h, "Retrieval", "two-tower ANN,\n"
                    "co-visits, trending,\nfresh, explore \u2192 1,000", color=t.blue)
    light = box(ax, t, 7.95, top, 2.7, h, "Light ranker", "small model\n1,000 \u2192 300",
                color=t.blue)
    heavy = box(ax, t, 11.15, top, 3.0, h, "Multi-task ranker", "p(click), watch time,\n"
                "p(like), p(dismiss)", color=t.blue)
    rerank = box(ax, t, 14.45, top, 2.7, h, "Re-rank", "diversity, freshness,\nrules \u2192 25 shown",
                 color=t.blue)
    for a, b in [(request, retrieval), (retrieval, light), (light, heavy), (heavy, rerank)]:
        arrow(ax, t, a, b)
    box(ax, t, 9.55, 4.1, 6.2, 1.0, "Feature store: user, item, context and\n"
        "cross features, logged as served", color=t.purple, size=9.5)
    for x in (7.95, 11.15):
        _vertical_arrow(ax, t, x, 4.1 + 0.5, top - h / 2, color=t.purple)
    uploads = box(ax, t, 1.35, bottom, 2.3, h, "New uploads", "content features,\nno watches yet",
                  color=t.orange)
    index = box(ax, t, 4.55, bottom, 3.3, h, "Item tower + index", "embeds uploads in\n"
                "minutes; rebuilt per\nmodel version", color=t.green)
    train = box(ax, t, 7.95, bottom, 2.7, h, "Training", "ranker daily,\ntowers weekly;\ngate, canary",
                color=t.green)
    join = box(ax, t, 11.15, bottom, 3.0, h, "Label join", "watch time, likes;\nwindow closes",
               color=t.green)
    logs = box(ax, t, 14.45, bottom, 2.7, h, "Impression log", "item, position,\npropensity, features",
               color=t.green)
    for a, b in [(uploads, index), (logs, join), (join, train), (train, index)]:
        arrow(ax, t, a, b)
    _vertical_arrow(ax, t, 14.45, top - h / 2, bottom + h / 2)
    _vertical_arrow(ax, t, 4.55, bottom + h / 2, top - h / 2, color=t.red)
    ax.text(4.35, 4.1, "index and user tower:\none model version", ha="right", va="center", fontsize=9.5,
            color=t.ink, linespacing=1.15)
    ax.text(0.25, top + h / 2 + 0.35, "online, per request: p99 150 ms", ha="left", fontsize=10,
            color=t.muted)
    ax.text(0.25, bottom - h / 2 - 0.4, "offline and streaming: the feedback loop", ha="left",
            fontsize=10, color=t.muted)
    return fig


def ads_ctr_prediction(t: Theme):
    fig, ax = diagram_axes()
    ax.text(8, 8.55, "Ads CTR prediction: calibrated pCTR feeds the auction", ha="center",
            fontsize=13, fontweight="bold")
    top, bottom, h = 6.2, 1.55, 1.6
    request = box(ax, t, 1.35, top, 2.3, h, "Ad request", "user, placement,\ncontext",
                  color=t.orange)
    retrieval = box(ax, t, 4.5, top, 3.2, h, "Targeting +\nretrieval", "eligible ads\n\u2192 1,000",
                    color=t.blue)
    light = box(ax, t, 7.85, top, 2.7, h, "Light model", "1,000 \u2192 150", color=t.blue)
    pctr = box(ax, t, 11.05, top, 3.0, h, "pCTR model", "DCN / DLRM-style,\ncalibration layer",
               color=t.blue)
    auction = box(ax, t, 14.45, top, 2.7, h, "Auction", "rank by bid \u00d7 pCTR,\nprice, pacing",
                  color=t.orange)
    for a, b in [(request, retrieval), (retrieval, light), (light, pctr), (pctr, auction)]:
        arrow(ax, t, a, b)
    bar_y, bar_h = 7.62, 0.55
    box(ax, t, 9.55, bar_y, 6.4, bar_h, "Feature store: ids, counters, crosses", color=t.purple,
        size=9.5)
    for x in (7.85, 11.05):
        _vertical_arrow(ax, t, x, bar_y - bar_h / 2, top + h / 2, color=t.purple)
    ax.text(0.25, bar_y, "online, per request: p99 80 ms", ha="left", va="center", fontsize=10,
            color=t.muted)
    train = box(ax, t, 2.4, bottom, 3.6, h, "Train", "daily full, hourly\nincremental",
                color=t.green)
    sample = box(ax, t, 6.5, bottom, 3.4, h, "Downsample", "keep share w of\nnon-clicks; log w",
                 color=t.green)
    join = box(ax, t, 10.6, bottom, 3.6, h, "Online joiner", "click or no click\nafter a waiting window",
               color=t.green)
    logs = box(ax, t, 14.45, bottom, 2.7, h, "Event streams", "impressions as\nserved; clicks",
               color=t.green)
    gate = box(ax, t, 7.0, 4.1, 3.2, 0.9, "Gate", "NE, calibration ratio", color=t.green, gate=True,
               size=9.5)
    monitor = box(ax, t, 11.9, 4.1, 3.3, 0.9, "Monitor", "expected/observed clicks", color=t.purple,
                  size=9.5)
    for a, b in [(logs, join), (join, sample), (sample, train), (train, gate), (join, monitor)]:
        arrow(ax, t, a, b)
    arrow(ax, t, gate, pctr, color=t.red)
    _vertical_arrow(ax, t, 14.45, top - h / 2, bottom + h / 2)
    ax.text(0.25, bottom - h / 2 - 0.35, "streaming training loop", ha="left", va="center",
            fontsize=10, color=t.muted)
    return fig


def rag_access_control(t: Theme):
    fig, ax = diagram_axes()
    ax.text(8, 8.5, "RAG with per-user access control: the filter runs inside retrieval",
            ha="center", fontsize=13, fontweight="bold")
    r1, r2, r3, h = 6.75, 4.2, 1.65, 1.45
    sources = box(ax, t, 1.7, r1, 3.2, h, "Sources", "SharePoint, Drive,\nConfluence, Jira",
                  color=t.blue)
    connectors = box(ax, t, 5.5, r1, 3.4, h, "Connectors", "content, ACL and\ndelete syncs",
                     color=t.blue)
    embed = box(ax, t, 9.25, r1, 3.2, h, "Chunk + embed", "ACL copied to\nevery chunk",
                color=t.blue)
    index = box(ax, t, 13.1, r1, 3.6, h, "Hybrid index", "vectors, BM25 and\nallowed principals",
                color=t.purple)
    idp = box(ax, t, 1.7, r2, 3.2, h, "Identity provider", "users and\nnested groups",
              color=t.purple)
    query = box(ax, t, 1.7, r3, 3.2, h, "User query", "signed-in\nidentity", color=t.orange)
    principals = box(ax, t, 5.5, r3, 3.4, h, "Resolve principals",
                     "user + transitive\ngroups (cached)", color=t.orange)
    retrieve = box(ax, t, 9.25, r3, 3.2, h, "Filtered search",
                   "ACL pre-filter\ninside the index", color=t.orange, gate=True)
    rerank = box(ax, t, 12.95, r3, 3.1, h, "Rerank + guard", "top 6; retrieved\ntext is data",
                 color=t.orange)
    llm = box(ax, t, 14.2, r2, 2.9, h, "LLM answer", "cites chunk ids;\ncitations checked",
              color=t.green)
    for a, b in [(sources, connectors), (connectors, embed), (embed, index), (idp, principals),
                 (query, principals), (principals, retrieve), (retrieve, rerank), (rerank, llm)]:
        arrow(ax, t, a, b)
    arrow(ax, t, index, retrieve, color=t.purple)
    ax.text(3.7, 5.35, "ACL change: update metadata, no re-embedding\n"
            "delete: purge chunks and caches within the SLO", ha="left", va="center",
            fontsize=9.5, color=t.muted, linespacing=1.2)
    ax.text(0.2, 8.0, "offline: on every content, permission or delete event", ha="left",
            va="center", fontsize=10, color=t.muted)
    ax.text(0.2, 0.5, "online: per query, the user's principals go into the index query",
            ha="left", va="center", fontsize=10, color=t.muted)
    return fig


def llm_agent(t: Theme):
    fig, ax = diagram_axes()
    ax.text(8, 8.5, "An LLM agent in production: the model proposes, the system decides",
            ha="center", fontsize=13, fontweight="bold")
    top, mid, low, h = 6.75, 4.2, 1.75, 1.45
    task = box(ax, t, 1.7, top, 3.2, h, "User task", "ticket or request,\nuser identity",
               color=t.blue)
    loop = box(ax, t, 5.0, mid, 3.2, 2.2, "Orchestrator",
               "plan, act, observe;\nstep, time and\ncost budgets", color=t.blue)
    llm = box(ax, t, 9.0, top, 3.0, h, "LLM", "picks a tool and\nschema-valid args",
              color=t.green)
    policy = box(ax, t, 13.2, top, 3.2, h, "Policy gate", "allow-list, argument\nchecks, limits",
                 color=t.red, gate=True)
    approval = box(ax, t, 9.0, mid, 3.0, h, "Human approval", "side effects above\na threshold",
                   color=t.red)
    tools = box(ax, t, 13.2, mid, 3.2, h, "Tools over MCP", "user-scoped tokens,\nidempotency keys",
                color=t.orange)
    state = box(ax, t, 9.0, low, 3.0, h, "State store", "checkpoint after\nevery step",
                color=t.purple)
    result = box(ax, t, 1.7, low, 3.2, h, "Answer or handoff", "to a person, with\na summary",
                 color=t.blue)
    for a, b in [(task, loop), (loop, llm), (llm, policy), (policy, tools), (policy, approval),
                 (approval, tools), (tools, state), (state, loop), (loop, result)]:
        arrow(ax, t, a, b)
    ax.text(13.4, 5.5, "auto: read-only,\nlow risk", ha="left", va="center", fontsize=9,
            color=t.muted, linespacing=1.15)
    ax.text(10.85, 5.75, "writes", ha="right", va="center", fontsize=9, color=t.muted)
    ax.text(11.6, 2.8, "tool result or\nerror (isError)", ha="left", va="center", fontsize=9,
            color=t.muted, linespacing=1.15)
    box(ax, t, 8.0, 0.45, 15.4, 0.6, "Trace every run: invoke_agent span, with chat and "
        "execute_tool child spans, tokens and cost", color=t.purple, gate=True, size=9.5)
    return fig


def document_extraction_pipeline(t: Theme):
    fig, ax = diagram_axes()
    ax.text(8, 8.5, "Document extraction: cheap path first, people for low confidence",
            ha="center", fontsize=13, fontweight="bold")
    r1, r2, r3, h = 6.75, 4.2, 1.65, 1.45
    c1, c2, c3, c4, w = 1.7, 5.45, 9.25, 13.1, 3.2
    ingest = box(ax, t, c1, r1, w, h, "Ingest", "upload, email, SFTP;\nid = SHA-256",
                 color=t.blue)
    queue = box(ax, t, c2, r1, w, h, "Work queue", "at-least-once;\nvisibility timeout",
                color=t.blue)
    ocr = box(ax, t, c3, r1, w, h, "Classify + OCR", "layout, template id,\npage images",
              color=t.green)
    extract = box(ax, t, c4, r1, w, h, "Extract", "template model, or\nLLM with a schema",
                  color=t.green)
    validate = box(ax, t, c4, r2, w, h, "Validate", "rules, cross-field\nchecks, confidence",
                   color=t.red, gate=True)
    store = box(ax, t, c3, r2, w, h, "Results store", "upsert by doc id and\npipeline version",
                color=t.orange)
    downstream = box(ax, t, c2, r2, w, h, "Downstream", "ERP, claims,\nsearch", color=t.orange)
    dlq = box(ax, t, c1 + 0.05, r2, w + 0.1, h, "Dead-letter queue", "alert, inspect,\nredrive after fix",
              color=t.red)
    review = box(ax, t, c4, r3, w, h, "Review queue", "people fix the\nflagged fields",
                 color=t.purple)
    labels = box(ax, t, c3, r3, w, h, "Labeled set", "corrections plus a\nrandom audit",
                 color=t.purple)
    monitor = box(ax, t, c2, r3, w, h, "Evaluation", "per-field precision\nand recall; drift",
                  color=t.purple)
    for a, b in [(ingest, queue), (queue, ocr), (ocr, extract), (extract, validate),
                 (validate, store), (store, downstream), (validate, review), (review, store),
                 (review, labels), (labels, monitor), (store, labels)]:
        arrow(ax, t, a, b)
    arrow(ax, t, queue, dlq, color=t.red)
    ax.text(c3 - 0.2, (r2 + r3) / 2, "sample of\naccepted fields", ha="right", va="center",
            fontsize=9, color=t.muted, linespacing=1.15)
    ax.text(c4 + 0.2, (r2 + r3) / 2, "low confidence", ha="left", va="center", fontsize=9,
            color=t.muted)
    ax.text(3.95, 5.45, "after 5 failed\nreceives", ha="left", va="center", fontsize=9,
            color=t.muted, linespacing=1.15)
    return fig

FIGURES = {
    "mlops-lifecycle": mlops_lifecycle,
    "ci-cd-ct-pipeline": ci_cd_ct_pipeline,
    "data-drift-psi": data_drift_psi,
    "canary-rollout": canary_rollout,
    "curse-of-dimensionality": curse_of_dimensionality,
    "precision-recall-threshold": precision_recall_threshold,
    "containers-vs-vms": containers_vs_vms,
    "retraining-triggers": retraining_triggers,
    "feature-store": feature_store,
    "point-in-time-join": point_in_time_join,
    "rag-pipeline": rag_pipeline,
    "parallelism": parallelism,
    "fraud-detection": fraud_detection,
    "low-latency-prediction-service": low_latency_prediction_service,
    "multi-region-ml-serving": multi_region_ml_serving,
    "recommendation-system": recommendation_system,
    "ads-ctr-prediction": ads_ctr_prediction,
    "rag-access-control": rag_access_control,
    "llm-agent": llm_agent,
    "document-extraction-pipeline": document_extraction_pipeline,
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="output folder (default: docs/assets/figures/)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, draw in FIGURES.items():
        for path in save_variants(draw, name, args.out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
