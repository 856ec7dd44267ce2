"""Measure `make build` and its downloads for offline study: time, pages and size, at two scales.

Usage: python scripts/bench.py [--questions 200] [--runs 1] [--no-corpus] [--no-chromium]

For the real site, then for a generated corpus of N questions (scripts/make_corpus.py, in a
temporary folder, never committed): builds the site strictly with the exports off, then as
`make build` does (EXPORTS=1: the site and every download, overrides/hooks/export_all.py, which
shares the work between two processes), and prints both times and each download's own time,
pages and size as the build logged them. Then prints the same study-guide HTML rendered by
Chromium's page.pdf(), the engine we did not choose, so that the choice in README stays checkable.

Times are wall-clock and CPU seconds, the best of --runs; a busy machine inflates the wall time
more than the CPU time. These are figures, not pass/fail. A missing tool (Chromium, pdfinfo)
fails the run with a message that says what to install.
"""

from __future__ import annotations

import argparse
import os
import re
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
from export_all import GUIDE  # noqa: E402
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
    cpu: float | None  # None where only the wall time is known (a download's time from the build's log)
    size: int
    pages: int | None


@dataclass
class SiteReport:
    label: str
    questions: int
    build_seconds: float  # strict build, exports off
    make_build_seconds: float  # strict build with every download, as `make build`
    make_build_cpu: float  # its CPU time, both processes
    figures: list[Figure]


# What the exports hook logs for each download (overrides/hooks/exports.py).
EXPORT_LINE = re.compile(r"exports: downloads/(?P<name>\S+) \((?:(?P<pages>\d+) pages, )?(?P<kib>\d+) KiB\) in (?P<seconds>[\d.]+) s")


# -----------------------------------------------------------------------------
# Measurements, one function each
# -----------------------------------------------------------------------------


def build_site(project: Path, site_dir: Path, exports: bool = False) -> tuple[float, float, str]:
    """A strict build, with the downloads when `exports` (as `make build`); wall and CPU seconds, and its log."""
    env = {key: value for key, value in os.environ.items() if key != "EXPORTS"}
    if exports:
        env["EXPORTS"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    cpu = _cpu_with_children()
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env={**env, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(f"mkdocs build of {project} failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - started, _cpu_with_children() - cpu, result.stdout + result.stderr


def logged_downloads(log: str) -> list[Figure]:
    """Each download's time, pages and size, as the exports hook logged them during the build."""
    figures = [
        Figure(match["name"], float(match["seconds"]), None, int(match["kib"]) * 1024, int(match["pages"]) if match["pages"] else None)
        for match in EXPORT_LINE.finditer(log)
    ]
    if not figures:
        raise BenchError("the build logged no download: are the exports on (EXPORTS=1)?")
    return figures


def read_site(project: Path, site_dir: Path, info: GuideInfo) -> list[ExportedQuestion]:
    config, _, problems = load_config(project)
    if problems:
        raise BenchError(f"{project}/mkdocs.yml: {problems[0].message}")
    exported, skipped = read_questions(site_dir, load_catalog(project / "docs", config.get("nav") or []), info.site_url)
    if skipped:
        raise BenchError("pages the exports cannot use: " + "; ".join(skipped))
    return exported


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
    print(f"  {label}: building without the downloads ...", flush=True)
    build_seconds = min(build_site(project, site_dir)[0] for _ in range(runs))
    print(f"  {label}: building as make build does (every download) ...", flush=True)
    make_build = min((build_site(project, site_dir, exports=True) for _ in range(runs)), key=lambda measured: measured[0])
    figures = logged_downloads(make_build[2])
    if with_chromium:
        info = GuideInfo(title="MLOps Interview Guide", site_url="https://mlops-interview-guide.github.io/", built=build_date())
        exported = read_site(project, site_dir, info)
        print(f"  {label}: printing the guide with Chromium ...", flush=True)
        figures.append(chromium_guide_figure(exported, info, site_dir, runs))
    return SiteReport(label, question_count(project), build_seconds, make_build[0], make_build[1], figures)


def question_count(project: Path) -> int:
    config, _, _ = load_config(project)
    return len(load_catalog(project / "docs", config.get("nav") or []))


def print_report(reports: list[SiteReport]) -> None:
    for report in reports:
        print(f"\n{report.label}: {report.questions} questions")
        print(f"  site build without the downloads: {report.build_seconds:.1f} s")
        print(f"  make build (site and every download): {report.make_build_seconds:.1f} s ({report.make_build_cpu:.1f} s CPU, both processes)")
        print(f"  {'download (time as the build logged it)':<44} {'time':>8} {'pages':>6} {'size':>11}")
        for figure in report.figures:
            pages = str(figure.pages) if figure.pages else "-"
            name = figure.name if figure.cpu is None else f"{figure.name} ({figure.cpu:.1f} s CPU)"
            print(f"  {name:<44} {figure.wall:>7.1f}s {pages:>6} {figure.size / 1024:>7,.0f} KiB")


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
