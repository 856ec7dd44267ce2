"""Measure the downloads for offline study: time, pages and size of each, at two scales.

Usage: python scripts/bench.py [--questions 200] [--runs 1] [--no-corpus] [--no-chromium]

For the real site, then for a generated corpus of N questions (scripts/make_corpus.py, in a
temporary folder, never committed): builds the site with the exports off, then makes each
download exactly as `make build` does (overrides/hooks/export_all.py) and prints its time,
pages and size. Then prints the same study-guide HTML rendered by Chromium's page.pdf(), the
engine we did not choose, so that the choice in README stays checkable.

Times are wall-clock and CPU seconds, the best of --runs; a busy machine inflates the wall time
more than the CPU time. These are figures, not pass/fail. A missing tool (Chromium, pdfinfo)
fails the run with a message that says what to install.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from check_site import load_config  # noqa: E402
from chromium_launch import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from export_all import DOWNLOADS, GUIDE, make_one  # noqa: E402
from export_documents import STYLESHEET, GuideInfo, build_date, guide_html  # noqa: E402
from export_pages import ExportedQuestion, ExportError, read_questions  # noqa: E402
from guide_catalog import load_catalog  # noqa: E402
from make_corpus import CorpusError, make_corpus  # noqa: E402


class BenchError(Exception):
    pass


@dataclass
class Figure:
    name: str
    wall: float
    cpu: float
    size: int
    pages: int | None


@dataclass
class SiteReport:
    label: str
    questions: int
    build_seconds: float
    figures: list[Figure]


# -----------------------------------------------------------------------------
# Measurements, one function each
# -----------------------------------------------------------------------------


def build_site(project: Path, site_dir: Path) -> float:
    """A strict build with the exports off (they are measured one by one below); wall seconds."""
    env = {key: value for key, value in os.environ.items() if key != "EXPORTS"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env={**env, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(f"mkdocs build of {project} failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - started


def read_site(project: Path, site_dir: Path, info: GuideInfo) -> list[ExportedQuestion]:
    config, _, problems = load_config(project)
    if problems:
        raise BenchError(f"{project}/mkdocs.yml: {problems[0].message}")
    exported, skipped = read_questions(site_dir, load_catalog(project / "docs", config.get("nav") or []), info.site_url)
    if skipped:
        raise BenchError("pages the exports cannot use: " + "; ".join(skipped))
    return exported


def export_figures(exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path, runs: int) -> list[Figure]:
    """Each download as the build makes it; the best of `runs`."""
    figures = []
    for download in DOWNLOADS:
        best = None
        for _ in range(runs):
            cpu = time.process_time()
            result, _ = make_one(download, exported, info, site_dir)
            figure = Figure(f"{download.label} ({download.kind})", result.seconds, time.process_time() - cpu, result.size, result.pages)
            best = figure if best is None or figure.wall < best.wall else best
        figures.append(best)
    return figures


def chromium_guide_figure(exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path, runs: int) -> Figure:
    """The study guide's HTML and stylesheet printed by Chromium (Playwright page.pdf, outline on).

    Chromium ignores target-counter(), string-set and leader(): this PDF has no page numbers in
    its contents and no running headers. Launch included. CPU counts every process it started.
    """
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.is_file():
        raise BenchError(f"{CHROMIUM} not found: run `make system-deps` (or set CHROMIUM)")
    best = None
    with tempfile.TemporaryDirectory(prefix="bench-chromium-") as temp:
        source = Path(temp) / "guide.html"
        head = f'<base href="{site_dir.resolve().as_uri()}/"><link rel="stylesheet" href="{STYLESHEET.resolve().as_uri()}">'
        source.write_text(guide_html(exported, info).replace("</head>", head + "</head>", 1), encoding="utf-8")
        target = Path(temp) / "guide.pdf"
        for _ in range(runs):
            cpu = _cpu_with_children()
            started = time.perf_counter()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
                page.goto(source.as_uri(), wait_until="load")
                page.pdf(path=str(target), outline=True, prefer_css_page_size=True, print_background=True)
                browser.close()
            figure = Figure("Study guide (PDF), Chromium", time.perf_counter() - started, _cpu_with_children() - cpu, target.stat().st_size, pdf_pages(target))
            best = figure if best is None or figure.wall < best.wall else best
    return best


def pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo") is None:
        raise BenchError("pdfinfo not found: run `make system-deps` (Debian package poppler-utils)")
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in output.splitlines() if line.startswith("Pages:")))


def _cpu_with_children() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# -----------------------------------------------------------------------------
# Report
# -----------------------------------------------------------------------------


def measure_site(label: str, project: Path, site_dir: Path, runs: int, with_chromium: bool) -> SiteReport:
    print(f"  {label}: building ...", flush=True)
    build_seconds = build_site(project, site_dir)
    info = GuideInfo(title="MLOps Interview Guide", site_url="https://mlops-interview-guide.github.io/", built=build_date())
    exported = read_site(project, site_dir, info)
    print(f"  {label}: making the downloads ({len(exported)} questions) ...", flush=True)
    figures = export_figures(exported, info, site_dir, runs)
    if with_chromium:
        print(f"  {label}: printing the guide with Chromium ...", flush=True)
        figures.append(chromium_guide_figure(exported, info, site_dir, runs))
    return SiteReport(label, len(exported), build_seconds, figures)


def print_report(reports: list[SiteReport]) -> None:
    for report in reports:
        print(f"\n{report.label}: {report.questions} questions (site build without exports: {report.build_seconds:.1f} s)")
        print(f"  {'download':<34} {'wall':>8} {'CPU':>8} {'pages':>6} {'size':>11}")
        for figure in report.figures:
            pages = str(figure.pages) if figure.pages else "-"
            print(f"  {figure.name:<34} {figure.wall:>7.1f}s {figure.cpu:>7.1f}s {pages:>6} {figure.size / 1024:>7,.0f} KiB")
        total = sum(figure.wall for figure in report.figures if not figure.name.endswith("Chromium"))
        print(f"  {'all downloads (what make build adds)':<34} {total:>7.1f}s")


def run(questions: int, runs: int, with_corpus: bool, with_chromium: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as temp:
        temp_dir = Path(temp)
        print(f"Measuring the downloads (best of {runs} run{'' if runs == 1 else 's'}):", flush=True)
        reports = [measure_site("real site", ROOT, temp_dir / "site-real", runs, with_chromium)]
        if with_corpus:
            project = make_corpus(questions, temp_dir / f"corpus-{questions}")
            reports.append(measure_site(f"corpus {questions}", project, temp_dir / f"site-{questions}", runs, with_chromium))
        print_report(reports)
    print(f"\n{GUIDE.label} engine: WeasyPrint (contents with page numbers, running headers); Chromium shown for comparison.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=200, help="questions in the generated corpus (default: 200)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each measurement; the best is reported (default: 1)")
    parser.add_argument("--no-corpus", action="store_true", help="measure the real site only")
    parser.add_argument("--no-chromium", action="store_true", help="skip the Chromium comparison")
    args = parser.parse_args(argv)
    if args.questions < 1 or args.runs < 1:
        parser.error("--questions and --runs must be at least 1")
    try:
        run(args.questions, args.runs, with_corpus=not args.no_corpus, with_chromium=not args.no_chromium)
    except (BenchError, CorpusError, ExportError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
