"""The guide's own JavaScript and CSS reach readers minified (overrides/hooks/minify_assets.py), and a
file the minifier cannot read stops the build with its name."""

from __future__ import annotations

import pytest
from conftest import ROOT
from minify_assets import MEDIA_TYPES, minified
from mkdocs.exceptions import PluginError

OWN_ASSETS = sorted(path for path in (ROOT / "docs").rglob("*") if path.suffix in MEDIA_TYPES)


def test_the_guide_has_its_own_scripts_and_stylesheets():
    assert {path.suffix for path in OWN_ASSETS} == {".js", ".css"}, OWN_ASSETS


@pytest.mark.parametrize("source", OWN_ASSETS, ids=lambda path: path.relative_to(ROOT / "docs").as_posix())
def test_the_built_site_serves_the_file_minified_without_its_comments(site_dir, source):
    built = (site_dir / source.relative_to(ROOT / "docs")).read_text(encoding="utf-8")
    written = source.read_text(encoding="utf-8")
    assert len(built) < len(written), f"{source.name} is not smaller in the built site"
    comment = "//" if source.suffix == ".js" else "/*"
    first_comment = next(line.strip() for line in written.splitlines() if line.strip().startswith(comment))
    assert first_comment not in built, f"{source.name} keeps its comments in the built site"


def test_a_script_the_minifier_cannot_read_stops_the_build_naming_it():
    with pytest.raises(PluginError, match=r"minify_assets: docs/assets/javascripts/study/broken\.js: expected Identifier"):
        minified("function (", MEDIA_TYPES[".js"], "assets/javascripts/study/broken.js")
