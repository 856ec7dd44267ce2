"""Build hook: the study tools reach readers as one script per first load, not a request per module.

docs/assets/javascripts/study/ keeps the study tools as small ES modules, one job each (tested in
Node as they are). Loaded as they are, a question page's first load fetched about a dozen of them,
each a request with its own headers and its own gzip stream (README, "Performance"). So the built
site gets them bundled by Rollup (package.json, pinned exactly; run with this machine's Node.js):
`main.js` holds every module a page needs at once, and each module that main.js imports on demand
(`import()`: a section page's filter, the progress page, the practice screens, the key-point
checklist, the figures' lightbox and phone viewer ...) becomes a file of its own that loads when its page or moment comes, with the code it
shares with other such files in shared files. Rollup leaves in main.js what main.js already holds,
so a first load is one request; a module's state exists once (its code is in one file only).
The files keep their modules' names (`filter.js`, `figure-viewer.js`), keep their place (`import.meta.url`
still points where the modules were), and are minified as the other scripts are (minify_assets.py).

Why Rollup and not esbuild (which needs no Node.js to run, only to install): esbuild's code
splitting puts every module that main.js shares with an on-demand file into a shared file that
main.js must fetch first, four more requests on a question page; Rollup knows that an on-demand
file loads after main.js and takes what main.js holds from it. No bundler installs from PyPI.
"""

from __future__ import annotations

import logging
import subprocess
import tempfile
from pathlib import Path

from minify_assets import MEDIA_TYPES, minified
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.study_bundle")

STUDY_DIR = "assets/javascripts/study"
ENTRY = f"{STUDY_DIR}/main.js"
ROLLUP = Path("node_modules") / ".bin" / "rollup"


def rollup_command(project: Path) -> Path:
    """Rollup from the project's node_modules (`npm ci`, which `make setup` runs). A copy of the
    project (the tests' damaged copies, the corpora, the bench's older revisions) links the project's."""
    if (project / ROLLUP).is_file():
        return project / ROLLUP
    raise PluginError(f"study_bundle: {ROLLUP} not found in {project}: run `make setup` (npm ci) to install Rollup")


def bundle(entry: Path, project: Path) -> dict[str, str]:
    """The bundle's files, by name: main.js and the on-demand files, as Rollup writes them."""
    with tempfile.TemporaryDirectory(prefix="study-bundle-") as out:
        command = [
            str(rollup_command(project)), str(entry), "--format", "es", "--dir", out,
            "--entryFileNames", "[name].js", "--chunkFileNames", "[name].js", "--silent",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, cwd=project)
        if result.returncode != 0:
            raise PluginError(f"study_bundle: Rollup could not bundle docs/{ENTRY}:\n{result.stderr.strip()}")
        return {path.name: path.read_text(encoding="utf-8") for path in sorted(Path(out).glob("*.js"))}


# After minify_assets.py (priority 0) and one_stylesheet.py (-10): the study modules' minified copies
# are replaced by the bundle's files, minified here.
@event_priority(-20)
def on_files(files, *, config):
    if files.get_file_from_path(ENTRY) is None:
        return files
    project = Path(config.config_file_path).resolve().parent
    # From docs/, as written (minify_assets.py has replaced the files' contents with minified ones).
    built = bundle(Path(config.docs_dir).resolve() / ENTRY, project)
    modules = [file for file in files if file.src_uri.startswith(f"{STUDY_DIR}/") and file.src_uri.endswith(".js")]
    for file in modules:
        files.remove(file)
    for name, source in built.items():
        files.append(File.generated(config, f"{STUDY_DIR}/{name}", content=minified(source, MEDIA_TYPES[".js"], f"{STUDY_DIR}/{name}")))
    log.info(f"study_bundle: {len(modules)} study modules bundled into {len(built)} files (main.js and what loads on demand)")
    return files

