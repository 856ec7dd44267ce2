"""Print the mutation score of each area after `make mutate` (README, "Mutation testing").

Reads Stryker's JSON report (reports/mutation/stryker/mutation.json: the study and search modules)
and mutmut's summary (reports/mutation/mutmut/mutmut-cicd-stats.json: the checker's rules). The
score is each tool's own: detected mutants (killed or timed out) over the mutants that count
(Stryker leaves out mutants that did not compile or run; mutmut leaves out skipped ones). The
scores are figures, not a gate: this exits 0 whatever they are, and 1 only when a report is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports" / "mutation"
# Stryker's statuses (mutation-testing-report-schema): detected, undetected, and left out of the score.
DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}
AREAS = {
    "study modules": "docs/assets/javascripts/study/",
    "search modules": "docs/assets/javascripts/search/",
}


def stryker_counts(report: dict) -> dict[str, Counter]:
    counts = {area: Counter() for area in AREAS}
    for path, file in report["files"].items():
        area = next((name for name, folder in AREAS.items() if path.replace("\\", "/").startswith(folder)), None)
        if area is None:
            continue
        counts[area].update(mutant["status"] for mutant in file["mutants"])
    return counts


def stryker_line(area: str, counts: Counter) -> str:
    detected = sum(counts[status] for status in DETECTED)
    counted = detected + sum(counts[status] for status in UNDETECTED)
    score = f"{100 * detected / counted:.1f}%" if counted else "n/a"
    details = ", ".join(f"{counts[status]} {status.lower()}" for status in ("Killed", "Timeout", "Survived", "NoCoverage") if counts[status])
    return f"  {area:<15} {score:>6}  Stryker: {detected} of {counted} mutants detected ({details})"


def mutmut_line(stats: dict) -> str:
    detected = stats["killed"] + stats["timeout"] + stats["segfault"]
    counted = stats["total"] - stats["skipped"]
    score = f"{100 * detected / counted:.1f}%" if counted else "n/a"
    details = ", ".join(
        f"{stats[key]} {key.replace('_', ' ')}" for key in ("killed", "timeout", "segfault", "survived", "no_tests", "suspicious", "skipped") if stats[key]
    )
    return f"  {'checker rules':<15} {score:>6}  mutmut: {detected} of {counted} mutants detected ({details})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=Path, default=REPORTS, help="the folder make mutate writes its reports to")
    args = parser.parse_args(argv)
    stryker_file = args.reports / "stryker" / "mutation.json"
    mutmut_file = args.reports / "mutmut" / "mutmut-cicd-stats.json"
    missing = [str(file) for file in (stryker_file, mutmut_file) if not file.is_file()]
    if missing:
        print("mutation_scores: no report at " + ", ".join(missing) + " (run make mutate)", file=sys.stderr)
        return 1
    print("Mutation scores (detected mutants over the mutants that count):")
    for area, counts in stryker_counts(json.loads(stryker_file.read_text(encoding="utf-8"))).items():
        print(stryker_line(area, counts))
    print(mutmut_line(json.loads(mutmut_file.read_text(encoding="utf-8"))))
    print(f"Reports: {args.reports.relative_to(ROOT) if args.reports.is_relative_to(ROOT) else args.reports}/ "
          "(stryker/index.html; mutmut/results.txt lists every mutant that was not killed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
