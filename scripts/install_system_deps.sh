#!/usr/bin/env bash
# Install the Debian packages the tests need, when they are missing:
#   chromium       the browser Playwright drives (its own browser download does not work here)
#   poppler-utils  pdftotext, pdftoppm, pdfinfo, pdffonts, pdftohtml, to read and render the PDF exports
#   libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0
#                  the libraries WeasyPrint draws text with, to make the PDF exports (make build)
#   fonts-dejavu-core  the fonts the PDF exports use (embedded: nothing is fetched)
#   nodejs, npm    run Rollup in the build (the study tools' bundle, package.json) and the study
#                  tools' logic tests (node --test tests/js/, Node 20+)
# Fails loudly when a package is missing and cannot be installed: tests never skip.
# apt waits up to 5 minutes for the dpkg lock (another apt run) instead of failing at once.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
for tool in pdfinfo pdffonts pdftohtml; do
  command -v "$tool" >/dev/null 2>&1 || missing+=(poppler-utils)
done
# A shared library is present when the dynamic linker's cache lists it.
ldconfig_cmd=$(command -v ldconfig || echo /sbin/ldconfig)
has_library() { "$ldconfig_cmd" -p 2>/dev/null | grep -q "$1"; }
has_library 'libpango-1.0.so.0 ' || missing+=(libpango-1.0-0)
has_library 'libpangoft2-1.0.so.0 ' || missing+=(libpangoft2-1.0-0)
has_library 'libharfbuzz-subset.so.0 ' || missing+=(libharfbuzz-subset0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing ${missing[*]} and no apt-get to install them; install them by hand" >&2
  exit 1
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "Installing Debian packages: ${missing[*]}"
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends $(printf '%s\n' "${missing[@]}" | sort -u) fonts-dejavu-core >/dev/null
