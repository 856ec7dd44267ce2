"""The committed figures are current, self-contained SVG files."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "docs" / "assets" / "figures"
NAMESPACE_URIS = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
URL = re.compile(r"(?:https?:)?//[^\s\"'<>()]+", re.IGNORECASE)


def test_committed_figures_match_a_fresh_run_of_the_script(tmp_path):
    subprocess.run([sys.executable, "scripts/make_figures.py", "--out", str(tmp_path)],
                   check=True, cwd=ROOT)
    generated = sorted(tmp_path.glob("*.svg"))
    assert generated, "scripts/make_figures.py wrote no SVG file"
    stale = [
        svg.name
        for svg in generated
        if not (FIGURES / svg.name).is_file()
        or (FIGURES / svg.name).read_bytes() != svg.read_bytes()
    ]
    assert not stale, (
        f"missing or out of date in docs/assets/figures/: {', '.join(stale)}; "
        "run `make figures` and commit the result"
    )


def test_every_figure_is_well_formed_svg_that_loads_nothing_from_another_host():
    svgs = sorted(FIGURES.glob("*.svg"))
    assert svgs, "no SVG file in docs/assets/figures/"
    for svg in svgs:
        text = svg.read_text(encoding="utf-8")
        root = ET.fromstring(text)
        assert root.tag == "{http://www.w3.org/2000/svg}svg", f"{svg.name}: root is not <svg>"
        has_size = "viewBox" in root.attrib or {"width", "height"} <= root.attrib.keys()
        assert has_size, f"{svg.name}: has neither a viewBox nor width and height"
        foreign = sorted(set(URL.findall(text)) - NAMESPACE_URIS)
        assert not foreign, f"{svg.name}: refers to another host: {foreign}"
        for element in root.iter():
            for attribute, value in element.attrib.items():
                if attribute.endswith("href"):
                    assert value.startswith(("#", "data:")), (
                        f"{svg.name}: <{element.tag}> links to {value!r}"
                    )
