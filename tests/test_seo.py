"""What search engines and link previews read from the built site.

Canonical addresses, Open Graph and Twitter card tags, question-and-answer structured data,
sitemap.xml, robots.txt, the 404 page and the guide's icons; and the same for a fork
published at another address.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from guide_catalog import SECTIONS, nav_paths, split_front_matter
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sitecheck.site_rules import built_html_path
from social_meta import json_for_script

ROOT = Path(__file__).resolve().parent.parent
BUILD_ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
FORK_URL = "https://someone.github.io/guide-fork/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
QUOTED_HTML = "</script><!-- & -->"


@pytest.fixture(scope="session")
def site_url(config) -> str:
    """The address the session's site was built for: SITE_URL when set, as mkdocs.yml reads it."""
    return os.environ.get("SITE_URL") or config["site_url"]


@pytest.fixture(scope="session")
def pages(config, questions) -> dict[str, dict]:
    """Every page in the nav (mkdocs.yml's, and the question pages the nav hook adds), by docs path, with its front matter."""
    found = {}
    for path in nav_paths(config["nav"]) + [question.path for question in questions]:
        meta, _, _ = split_front_matter((ROOT / "docs" / path).read_text(encoding="utf-8"))
        found[path] = meta
    return found


def mkdocs_build(root: Path, site_dir: Path, site_url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root,
        env={**BUILD_ENV, "SITE_URL": site_url},
        capture_output=True,
        text=True,
    )


def address(docs_path: str) -> str:
    """A page's path below the site's root, as MkDocs publishes it ('' for the home page)."""
    return built_html_path(docs_path).removesuffix("index.html")


def meta_content(page: HTMLParser, selector: str) -> str | None:
    node = page.css_first(selector)
    return node.attributes.get("content") if node is not None else None


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def visible_short_answer(page: HTMLParser) -> str:
    """What a reader sees under "Short answer", up to the next heading of its level."""
    heading = page.css_first("article details.answer h2#short-answer")
    assert heading is not None
    parts = []
    node = heading.next
    while node is not None and node.tag != "h2":
        if node.tag != "-text":
            parts.append(node.text(deep=True))
        node = node.next
    return " ".join(" ".join(parts).split())


def structured_data(page: HTMLParser) -> list[dict]:
    return [json.loads(script.text()) for script in page.css('script[type="application/ld+json"]')]


# --- Every page ---------------------------------------------------------------------------------


def test_sitemap_lists_every_page_at_its_published_address(site_dir, pages, site_url):
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    locations = [loc.text for loc in tree.getroot().findall("s:url/s:loc", SITEMAP_NS)]
    assert sorted(locations) == sorted(site_url + address(path) for path in pages)


def test_every_page_names_its_published_address_as_canonical(built, pages, site_url):
    for path in pages:
        page = built.page(path)
        canonical = [link.attributes["href"] for link in page.css('link[rel="canonical"]')]
        assert canonical == [site_url + address(path)], path
        assert meta_content(page, 'meta[property="og:url"]') == canonical[0], path


def test_link_previews_show_the_page_title_and_its_front_matter_description(built, pages):
    for path, meta in pages.items():
        page = built.page(path)
        assert meta_content(page, 'meta[name="description"]') == meta["description"], path
        for selector in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
            assert meta_content(page, selector) == meta["title"], f"{path}: {selector}"
        for selector in ('meta[property="og:description"]', 'meta[name="twitter:description"]'):
            assert meta_content(page, selector) == meta["description"], f"{path}: {selector}"
        assert meta_content(page, 'meta[property="og:site_name"]') == "MLOps Interview Guide"


def test_home_page_is_a_website_and_every_other_page_an_article(built, pages):
    for path in pages:
        expected = "website" if path == "index.md" else "article"
        assert meta_content(built.page(path), 'meta[property="og:type"]') == expected, path


def test_link_preview_image_is_a_published_png_of_the_announced_size(built, site_dir, pages, site_url):
    for path in pages:
        page = built.page(path)
        image = meta_content(page, 'meta[property="og:image"]')
        assert image and image.startswith(site_url), path
        assert meta_content(page, 'meta[name="twitter:image"]') == image, path
        assert meta_content(page, 'meta[name="twitter:card"]') == "summary_large_image", path
        assert meta_content(page, 'meta[property="og:image:alt"]'), path
        announced = (int(meta_content(page, 'meta[property="og:image:width"]')), int(meta_content(page, 'meta[property="og:image:height"]')))
        assert png_size(site_dir / image.removeprefix(site_url)) == announced == (1200, 630), path


def test_every_page_shows_the_guides_own_favicon_logo_and_home_screen_icon(built, site_dir, pages):
    for path in pages:
        page = built.page(path)
        base = built_html_path(path)
        favicon = site_dir / urljoin(base, page.css_first('link[rel="icon"]').attributes["href"])
        assert favicon.name == "favicon.svg" and favicon.read_text(encoding="utf-8").startswith("<svg"), path
        logo = page.css_first("header .md-logo img")
        assert logo is not None and logo.attributes.get("alt"), f"{path}: the header shows no logo image with alt text"
        logo_file = site_dir / urljoin(base, logo.attributes["src"])
        assert logo_file.name == "logo.svg" and logo_file.read_text(encoding="utf-8").startswith("<svg"), path
        touch_icon = site_dir / urljoin(base, page.css_first('link[rel="apple-touch-icon"]').attributes["href"])
        assert png_size(touch_icon) == (180, 180), path


def test_robots_txt_allows_crawling_and_names_the_sitemap(site_dir, site_url):
    lines = (site_dir / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert not [line for line in lines if re.fullmatch(r"Disallow:\s*/\S*", line)]
    assert f"Sitemap: {site_url}sitemap.xml" in lines


# --- Question pages -----------------------------------------------------------------------------


def test_question_pages_describe_the_question_and_its_short_answer_as_structured_data(built, questions, site_url):
    for question in questions:
        page = built.page(question.path)
        (data,) = structured_data(page)
        assert data["@context"] == "https://schema.org" and data["@type"] == "QAPage", question.path
        entity = data["mainEntity"]
        assert entity["@type"] == "Question" and entity["name"] == question.title and entity["answerCount"] == 1
        answer = entity["acceptedAnswer"]
        assert answer["@type"] == "Answer"
        assert answer["text"] == visible_short_answer(page), question.path
        assert len(answer["text"].split()) >= 20, f"{question.path}: short answer text looks truncated"
        assert answer["url"] == f"{site_url}{address(question.path)}#short-answer"


def test_only_question_pages_carry_structured_data(built, pages, questions):
    question_paths = {question.path for question in questions}
    for path in pages:
        if path not in question_paths:
            assert structured_data(built.page(path)) == [], path


def test_structured_data_escapes_every_character_that_could_end_its_script():
    text = "a </script><script>alert(1)</script> <!-- b & c \u2028 d"
    encoded = str(json_for_script({"text": text}))
    assert not set("<>&\u2028") & set(encoded)
    assert json.loads(encoded) == {"text": text}


# --- 404 page -----------------------------------------------------------------------------------


def test_404_page_is_not_indexed_and_offers_search_sections_home_and_tags(built, site_dir, site_url, questions):
    page = built.html("404.html")
    base = urlsplit(site_url).path
    assert page.css_first("title").text().startswith("Page not found")
    assert page.css_first("article h1").text(strip=True) == "Page not found"
    assert meta_content(page, 'meta[name="robots"]') == "noindex"
    assert page.css('link[rel="canonical"]') == []
    form = page.css_first("article form[role=search]")
    assert form.attributes["action"] == base and form.attributes.get("method") == "get"
    field = form.css_first("input[name=q]")
    assert page.css_first(f'label[for="{field.attributes["id"]}"]') is not None, "the search field has no label"
    links = {a.text(strip=True): a.attributes["href"] for a in page.css("article a")}
    for section in SECTIONS:
        count = sum(question.section == section for question in questions)
        item = next(li for li in page.css("article li") if li.css_first("a").attributes["href"] == f"{base}{section}/")
        assert f"({count} questions)" in item.text()
    assert links["home page"] == base and links["questions by tag"] == f"{base}tags/"
    for href in links.values():
        assert (site_dir / href.removeprefix(base) / "index.html").is_file(), f"404 page links to missing {href}"


# --- A fork, published elsewhere ----------------------------------------------------------------


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> Path:
    """The site copied, built for another address, with a short answer that quotes HTML."""
    root = tmp_path_factory.mktemp("fork")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "overrides", root / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "node_modules").symlink_to(ROOT / "node_modules")  # Rollup, for the build (study_bundle.py)
    page = root / "docs" / "deployment" / "ab-testing.md"
    text = page.read_text(encoding="utf-8")
    opening = "    ## Short answer\n\n    "
    assert opening in text
    page.write_text(text.replace(opening, f"{opening}Never paste `{QUOTED_HTML}` into a page unescaped. ", 1), encoding="utf-8")
    result = mkdocs_build(root, root / "site", FORK_URL)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return root / "site"


def test_a_fork_publishes_its_own_addresses(fork):
    page = HTMLParser((fork / "deployment" / "ab-testing" / "index.html").read_text(encoding="utf-8"))
    assert page.css_first('link[rel="canonical"]').attributes["href"] == FORK_URL + "deployment/ab-testing/"
    assert meta_content(page, 'meta[property="og:image"]').startswith(FORK_URL)
    assert f"Sitemap: {FORK_URL}sitemap.xml" in (fork / "robots.txt").read_text(encoding="utf-8").splitlines()
    not_found = HTMLParser((fork / "404.html").read_text(encoding="utf-8"))
    base = urlsplit(FORK_URL).path
    hrefs = [a.attributes["href"] for a in not_found.css("article a")] + [not_found.css_first("article form").attributes["action"]]
    assert len(hrefs) == len(SECTIONS) + 3
    for href in hrefs:
        assert href.startswith(base) and (fork / href.removeprefix(base) / "index.html").is_file(), href


def test_a_short_answer_that_quotes_html_stays_inside_its_script(fork):
    html = (fork / "deployment" / "ab-testing" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.DOTALL)
    assert len(scripts) == 1 and "<" not in scripts[0]
    answer = json.loads(scripts[0])["mainEntity"]["acceptedAnswer"]["text"]
    assert answer.startswith(f"Never paste {QUOTED_HTML} into a page unescaped.")


def test_build_refuses_an_empty_site_url_with_a_clear_message(tmp_path):
    result = mkdocs_build(ROOT, tmp_path / "site", "")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "site_url is empty" in output and "Traceback" not in output
