"""The guide's own JavaScript and CSS reach readers minified (overrides/hooks/minify_assets.py), its
stylesheets joined into one file in their order (overrides/hooks/one_stylesheet.py), and a file the
minifier cannot read stops the build with its name."""

from __future__ import annotations

import pytest
from conftest import ROOT
from minify_assets import MEDIA_TYPES, minified
from mkdocs.exceptions import PluginError
from one_stylesheet import BUNDLE

DOCS = ROOT / "docs"
SCRIPTS = sorted(DOCS.rglob("*.js"))
# The study tools' modules reach the site bundled (overrides/hooks/study_bundle.py, tests/test_study_bundle.py).
STUDY = DOCS / "assets" / "javascripts" / "study"
SERVED_AS_WRITTEN = [path for path in SCRIPTS if not path.is_relative_to(STUDY)]
STYLESHEETS = ["assets/stylesheets/guide.css", "assets/stylesheets/study.css", "assets/stylesheets/contrast.css"]  # extra_css
# A page's own stylesheet (front matter `stylesheet:`, linked by overrides/main.html on that page only).
PAGE_STYLESHEETS = sorted({
    "assets/stylesheets/" + line.split(":", 1)[1].strip()
    for page in DOCS.rglob("*.md")
    for line in page.read_text(encoding="utf-8").split("\n---\n", 1)[0].splitlines()
    if line.startswith("stylesheet:")
})


def first_comment(text: str, opener: str) -> str:
    return next(line.strip() for line in text.splitlines() if line.strip().startswith(opener))


def test_the_guide_has_scripts_and_every_stylesheet_is_in_extra_css(config):
    assert SCRIPTS
    assert config["extra_css"] == STYLESHEETS
    assert PAGE_STYLESHEETS, "the practice pages name their own stylesheet"
    assert sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.css")) == sorted(STYLESHEETS + PAGE_STYLESHEETS)


@pytest.mark.parametrize("path", PAGE_STYLESHEETS)
def test_a_pages_own_stylesheet_is_served_minified_without_its_comments(site_dir, path):
    built = (site_dir / path).read_text(encoding="utf-8")
    written = (DOCS / path).read_text(encoding="utf-8")
    assert built == minified(written, MEDIA_TYPES[".css"], path), f"{path} is not served minified"
    assert first_comment(written, "/*") not in built, f"{path} keeps its comments in the built site"


@pytest.mark.parametrize("source", SERVED_AS_WRITTEN, ids=lambda path: path.relative_to(DOCS).as_posix())
def test_the_built_site_serves_each_script_minified_without_its_comments(site_dir, source):
    built = (site_dir / source.relative_to(DOCS)).read_text(encoding="utf-8")
    written = source.read_text(encoding="utf-8")
    assert len(built) < len(written), f"{source.name} is not smaller in the built site"
    assert first_comment(written, "//") not in built, f"{source.name} keeps its comments in the built site"


def test_the_pages_link_one_stylesheet_of_the_guide_holding_each_minified_in_order(site_dir, built):
    links = [link.attributes["href"] for link in built.page("index.md").css("head link[rel=stylesheet]")]
    assert [href for href in links if "/stylesheets/" in href and "min.css" not in href] == [BUNDLE], links
    for path in STYLESHEETS:
        assert not (site_dir / path).exists(), f"{path} is served on its own as well as in the bundle"
    bundle = (site_dir / BUNDLE).read_text(encoding="utf-8")
    positions = []
    for path in STYLESHEETS:
        written = (DOCS / path).read_text(encoding="utf-8")
        assert minified(written, MEDIA_TYPES[".css"], path) in bundle, f"{path} is not in the bundle, minified"
        assert first_comment(written, "/*") not in bundle, f"{path} keeps its comments in the bundle"
        positions.append(bundle.index(minified(written, MEDIA_TYPES[".css"], path)))
    assert positions == sorted(positions), "the bundle does not keep extra_css's order (the cascade)"


def test_a_script_the_minifier_cannot_read_stops_the_build_naming_it():
    with pytest.raises(PluginError, match=r"minify_assets: docs/assets/javascripts/study/broken\.js: expected Identifier"):
        minified("function (", MEDIA_TYPES[".js"], "assets/javascripts/study/broken.js")
