"""Build hook: the guide's own JavaScript and CSS are minified as they are written to the site.

The study and search modules and the guide's stylesheets are written to be read: comments that say
why, names that explain themselves. Readers download them on their first load (README,
"Performance"), so the built site gets them minified by tdewolff's minify (requirements.txt),
which drops comments and whitespace and shortens local names; docs/ keeps them as written.
Material's and GLightbox's files arrive minified and are left alone. A file the minifier cannot
read stops the build with its name and the minifier's message.
"""

from __future__ import annotations

import logging
from pathlib import Path

import minify
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.minify_assets")

MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}


def on_files(files, *, config):
    docs_dir = Path(config.docs_dir).resolve()
    saved = written = 0
    for file in files:
        media_type = own_asset_type(file, docs_dir)
        if media_type is None:
            continue
        source = file.content_string
        file.content_string = minified(source, media_type, file.src_uri)
        written += len(file.content_string.encode())
        saved += len(source.encode()) - len(file.content_string.encode())
    log.info(f"minify_assets: the guide's JavaScript and CSS minified to {written:,} bytes ({saved:,} saved)")
    return files


def own_asset_type(file, docs_dir: Path) -> str | None:
    """The media type of a JavaScript or CSS file of docs/ (not already minified), else None."""
    suffix = Path(file.src_uri).suffix
    if suffix not in MEDIA_TYPES or ".min." in file.src_uri or not file.abs_src_path:
        return None
    if not Path(file.abs_src_path).resolve().is_relative_to(docs_dir):
        return None
    return MEDIA_TYPES[suffix]


def minified(source: str, media_type: str, where: str) -> str:
    try:
        return minify.string(media_type, source)
    except minify.MinifyError as error:
        raise PluginError(f"minify_assets: docs/{where}: {error}") from None
