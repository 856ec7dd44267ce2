"""Build hook: the guide's stylesheets (`extra_css` in mkdocs.yml) reach readers as one file.

Every stylesheet in a page's head blocks its first paint until it has arrived, and each is a
request of its own: three small files cost a phone on a slow network more than one file of the
same bytes (README, "Performance"). So the built site has one stylesheet,
`assets/stylesheets/guide-bundle.css`, the files of `extra_css` joined in their order (already
minified by minify_assets.py), and the pages link to it alone; docs/ and mkdocs.yml keep the files
apart, one per concern.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

BUNDLE = "assets/stylesheets/guide-bundle.css"

_parts: list[str] = []  # the stylesheets of extra_css, in order


def on_config(config):
    _parts[:] = [str(path) for path in config.extra_css]
    config.extra_css = [BUNDLE] if _parts else []
    return config


# After minify_assets.py has minified each file (its on_files runs at the default priority).
@event_priority(-10)
def on_files(files, *, config):
    if not _parts:
        return files
    contents = []
    for path in _parts:
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"one_stylesheet: mkdocs.yml's extra_css names '{path}', which is not in docs/")
        contents.append(f"/* {path} */\n{file.content_string.strip()}\n")
        files.remove(file)
    files.append(File.generated(config, BUNDLE, content="".join(contents)))
    return files
