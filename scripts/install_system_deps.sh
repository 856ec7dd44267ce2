#!/usr/bin/env bash
# Install the Debian packages the tests need, when they are missing:
#   chromium       the browser Playwright drives (its own browser download does not work here)
#   poppler-utils  pdftotext and pdftoppm, to read and render the PDF exports
# Fails loudly when a package is missing and cannot be installed: tests never skip.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing ${missing[*]} and no apt-get to install them; install them by hand" >&2
  exit 1
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "Installing Debian packages: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends $(printf '%s\n' "${missing[@]}" | sort -u) fonts-dejavu-core >/dev/null
