#!/usr/bin/env bash
# Installs the system Chromium, its driver and a font that the *BrowserIT tests drive (Debian packages, no browser
# downloads). Does nothing when they are already there; needs root (CI and the build machines run as root).
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -d /usr/share/fonts/truetype/liberation ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: run as root to install chromium and chromium-driver (apt-get)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends chromium chromium-driver fonts-liberation; then
  apt-get update
  apt-get install -y --no-install-recommends chromium chromium-driver fonts-liberation
fi
/usr/bin/chromium --version
/usr/bin/chromedriver --version
