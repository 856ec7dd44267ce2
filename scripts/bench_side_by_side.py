"""The guide next to plain Material on the same Markdown: what the guide's additions cost a first load.

Usage: python scripts/bench_side_by_side.py [--rounds 5] [--quick] [--before REV] [--pages code figure section home]

Builds the guide (strictly, without the downloads) and the same Markdown with plain Material
(scripts/benchsite/plain_material.py: the guide's Markdown extensions, theme and search plugin,
nothing else), serves both with gzip as a static host does, and runs Lighthouse (mobile) on four
pages of each: a question page with code, a question page with a figure, the biggest section page
and the home page. Each round measures every page on every site, the sites' order alternating from
one round to the next, so a busy moment of the machine falls on both. Prints, per page, each
site's median performance score, Total Blocking Time, Largest Contentful Paint, CLS and bytes
(what the load transferred, by kind), and the median of the paired differences (guide minus plain,
round by round), with the accessibility, best-practices and SEO scores.

--before REV adds the guide as it was at a git revision (a commit, a branch) as a third site in the
same rounds, and the median of the paired differences of the guide now against it: a change's
effect, measured side by side. The reports are kept in .bench/lighthouse/ for their traces.

These are figures, not pass/fail: no result fails the run. A missing tool (Lighthouse: `npm ci`;
Chromium: `make system-deps`) does, with a message that says what to install.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsite.lighthouse import RESOURCE_KINDS, LighthouseError, Run, require_lighthouse, run_lighthouse  # noqa: E402
from benchsite.plain_material import make_plain_project  # noqa: E402
from benchsite.static_server import gzip_size, serve_site  # noqa: E402
from check_site import load_config  # noqa: E402
from guide_catalog import SECTIONS, load_catalog  # noqa: E402

REPORTS_DIR = ROOT / ".bench" / "lighthouse"
DEFAULT_ROUNDS = 5
QUICK_ROUNDS = 2
# The pages measured, one of each kind (the section page is chosen at run time: the biggest).
QUESTION_WITH_CODE = "fundamentals/experiment-tracking/"
QUESTION_WITH_FIGURE = "monitoring/model-drift/"
HOME = ""
PAGE_KINDS = ("code", "figure", "section", "home")


class BenchError(Exception):
    """A measurement that cannot run. Printed without a traceback."""


# Plain Material fetches its whole search index on every first load (Material's search; the guide
# answers that request with the index's settings only and loads Pagefind when search is opened, see
# overrides/hooks/search_engine.py). The plain site's runs block it, so that the comparison shows what
# the guide adds to a page, not what its search saves; the index's size is printed on its own.
MATERIAL_SEARCH_INDEX = "search/search_index.json"


@dataclass
class Site:
    label: str
    site_dir: Path
    blocked: tuple[str, ...] = ()  # URL patterns its pages may not load during the runs
    base: str = ""  # the URL it is served at, while served

    def search_index_gzip(self) -> int:
        index = self.site_dir / MATERIAL_SEARCH_INDEX
        return gzip_size(index.read_bytes()) if index.is_file() else 0


@dataclass
class PageRuns:
    kind: str
    path: str
    runs: dict[str, list[Run]] = field(default_factory=dict)  # site label -> one Run per round


# -----------------------------------------------------------------------------
# The sites
# -----------------------------------------------------------------------------


def build(project: Path, site_dir: Path, strict: bool) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    if strict:
        command.insert(4, "--strict")
    env = {key: value for key, value in os.environ.items() if key != "EXPORTS"}
    result = subprocess.run(command, cwd=project, env={**env, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(f"mkdocs build of {project} failed:\n{result.stdout}{result.stderr}")


def checkout(revision: str, dest: Path) -> Path:
    """The project's files at `revision` (git archive), to build as they were."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], capture_output=True)
    if archive.returncode != 0:
        raise BenchError(f"git archive {revision} failed: {archive.stderr.decode().strip()}")
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    if (ROOT / "node_modules").is_dir():  # the build's npm tools (Rollup, overrides/hooks/study_bundle.py)
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def biggest_section_page(project: Path) -> str:
    config, _, _ = load_config(project)
    questions = load_catalog(project / "docs", config.get("nav") or [])
    section = max(SECTIONS, key=lambda name: sum(1 for question in questions if question.section == name))
    return f"{section}/"


def make_sites(temp: Path, before: str | None) -> list[Site]:
    print("  the guide: building ...", flush=True)
    build(ROOT, temp / "site-guide", strict=True)
    sites = [Site("guide", temp / "site-guide")]
    print("  plain Material, same Markdown: building ...", flush=True)
    plain = make_plain_project(ROOT, temp / "plain")
    build(plain, temp / "site-plain", strict=False)
    sites.append(Site("plain", temp / "site-plain", blocked=(f"*/{MATERIAL_SEARCH_INDEX}",)))
    if before:
        print(f"  the guide at {before}: building ...", flush=True)
        build(checkout(before, temp / "before"), temp / "site-before", strict=True)
        sites.append(Site("before", temp / "site-before"))
    return sites


# -----------------------------------------------------------------------------
# Paired rounds
# -----------------------------------------------------------------------------


def measure(sites: list[Site], pages: list[PageRuns], rounds: int) -> None:
    """Every page on every site once per round; the order of the sites turns by one each round."""
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    for round_number in range(rounds):
        order = sites[round_number % len(sites) :] + sites[: round_number % len(sites)]
        print(f"  round {round_number + 1} of {rounds}: {', '.join(site.label for site in order)} ...", flush=True)
        for page in pages:
            for site in order:
                name = f"{site.label}-{page.kind}-{round_number + 1}.json"
                page.runs.setdefault(site.label, []).append(run_lighthouse(site.base + page.path, REPORTS_DIR / name, site.blocked))


def median(values: list[float]) -> float:
    return statistics.median(values)


def paired(runs: list[Run], against: list[Run], figure) -> float:
    """The median of the round-by-round differences of `figure` (this site minus the other)."""
    return median([figure(mine) - figure(theirs) for mine, theirs in zip(runs, against, strict=True)])


# -----------------------------------------------------------------------------
# Report
# -----------------------------------------------------------------------------

FIGURES = (
    ("performance", lambda run: run.scores["performance"], "{:.0f}"),
    ("TBT ms", lambda run: run.tbt_ms, "{:.0f}"),
    ("LCP ms", lambda run: run.lcp_ms, "{:.0f}"),
    ("FCP ms", lambda run: run.fcp_ms, "{:.0f}"),
    ("CLS", lambda run: run.cls, "{:.3f}"),
    ("bytes KiB", lambda run: run.bytes / 1024, "{:.1f}"),
    *((f"  {kind} KiB", lambda run, kind=kind: run.bytes_by_kind[kind] / 1024, "{:.1f}") for kind in RESOURCE_KINDS),
)


def signed(template: str, value: float) -> str:
    text = template.format(value)
    return text if text.startswith("-") else "+" + text


def print_report(sites: list[Site], pages: list[PageRuns], rounds: int, version: str, plain_index: int) -> None:
    labels = [site.label for site in sites]
    print(f"\nLighthouse {version} (mobile), {rounds} paired rounds, {date.today().isoformat()}: medians per site, and the")
    print("median of the round-by-round differences (guide - plain; guide - before: the change measured)")
    for page in pages:
        print(f"\n{page.kind}: /{page.path}")
        header = f"{'':<16}" + "".join(f"{label:>10}" for label in labels) + f"{'guide-plain':>14}"
        if "before" in labels:
            header += f"{'guide-before':>14}"
        print(header)
        print("-" * len(header))
        for name, figure, template in FIGURES:
            cells = "".join(f"{template.format(median([figure(run) for run in page.runs[label]])):>10}" for label in labels)
            line = f"{name:<16}{cells}{signed(template, paired(page.runs['guide'], page.runs['plain'], figure)):>14}"
            if "before" in labels:
                line += f"{signed(template, paired(page.runs['guide'], page.runs['before'], figure)):>14}"
            print(line)
        for label in labels:
            runs = page.runs[label]
            lowest = {category: min(run.scores[category] for run in runs) for category in ("accessibility", "best-practices", "seo")}
            performance = [run.scores["performance"] for run in runs]
            print(
                f"  {label}: accessibility {lowest['accessibility']}, best practices {lowest['best-practices']}, "
                f"SEO {lowest['seo']} (lowest of the runs); performance runs {performance}"
            )
            for category, audits in sorted({c: a for run in runs for c, a in run.failing.items()}.items()):
                print(f"    {category} below 100: " + "; ".join(audits))
        print_script_time(page, labels)
        print_own_requests(page)
    print(f"\nNot counted above: plain Material's search index, which it fetches on every first load: {plain_index / 1024:,.1f} KiB gzip")
    indexes = [run.benchmark_index for page in pages for runs in page.runs.values() for run in runs]
    print(f"\nLighthouse's CPU benchmark index over the runs: {min(indexes):.0f} to {max(indexes):.0f} (below about 1000 the machine is busy)")


def print_script_time(page: PageRuns, labels: list[str], shown: int = 8) -> None:
    """Main-thread time by script (Lighthouse's bootup-time), the median over the rounds, most first."""
    for label in labels:
        runs = page.runs[label]
        scripts = {name for run in runs for name in run.script_ms}
        times = sorted(((median([run.script_ms.get(name, 0.0) for run in runs]), name) for name in scripts), reverse=True)
        times = [(ms, name) for ms, name in times if ms >= 1]
        print(f"  {label}, main-thread time by script (median ms): " + "; ".join(f"{name} {ms:.0f}" for ms, name in times[:shown]))


def print_own_requests(page: PageRuns) -> None:
    """What the guide's load transfers that plain Material's does not: each request's median bytes, and the page's extra."""
    guide, plain = page.runs["guide"], page.runs["plain"]
    plain_paths = {name for run in plain for name in run.requests}
    own = {name for run in guide for name in run.requests if name not in plain_paths}
    sizes = sorted(((median([run.requests.get(name, 0) for run in guide]), name) for name in own), reverse=True)
    extra_page = median([run.requests.get("(the page)", 0) for run in guide]) - median([run.requests.get("(the page)", 0) for run in plain])
    parts = [f"the page itself +{extra_page / 1024:.1f}"] + [f"{name} {size / 1024:.1f}" for size, name in sizes]
    print(f"  the guide's own bytes (KiB, median; {len(sizes)} requests plain Material does not make): " + "; ".join(parts))


def run(rounds: int, before: str | None, kinds: list[str]) -> None:
    version = require_lighthouse()
    with tempfile.TemporaryDirectory(prefix="bench-side-by-side-") as temp:
        print("Building the sites:", flush=True)
        sites = make_sites(Path(temp), before)
        paths = {"code": QUESTION_WITH_CODE, "figure": QUESTION_WITH_FIGURE, "section": biggest_section_page(ROOT), "home": HOME}
        pages = [PageRuns(kind, paths[kind]) for kind in kinds]
        minutes = rounds * len(pages) * len(sites) * 30 // 60
        print(f"Running Lighthouse {version}: {rounds} rounds, {len(pages)} pages, {len(sites)} sites (about {minutes} min when idle) ...", flush=True)
        with ExitStack() as servers:
            for site in sites:
                site.base = servers.enter_context(serve_site(site.site_dir))
            measure(sites, pages, rounds)
        plain_index = next(site for site in sites if site.label == "plain").search_index_gzip()
    print_report(sites, pages, rounds, version, plain_index)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, help=f"paired rounds (default: {DEFAULT_ROUNDS})")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ROUNDS} rounds, for a quick look while working (noisier)")
    parser.add_argument("--before", metavar="REV", help="also measure the guide at this git revision, in the same rounds")
    parser.add_argument("--pages", nargs="+", choices=PAGE_KINDS, default=list(PAGE_KINDS), help="which pages (default: all four)")
    args = parser.parse_args(argv)
    rounds = QUICK_ROUNDS if args.quick else args.rounds
    if rounds < 1:
        parser.error("--rounds must be at least 1")
    try:
        run(rounds, args.before, args.pages)
    except (BenchError, LighthouseError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
