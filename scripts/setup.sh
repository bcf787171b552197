#!/usr/bin/env bash
# One-command setup for a fresh machine: system packages (Chromium, fonts, PDF tools), npm packages,
# compile, then build the example content into output/.
#   npm run setup            # everything
#   SKIP_SYSTEM=1 npm run setup   # skip apt-get (you installed a browser and fonts yourself)
set -euo pipefail
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }

need_system=()
have chromium || have chromium-browser || have google-chrome || have google-chrome-stable || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || need_system+=(chromium)
# Read the font list once: `fc-list | grep -q` would fail under pipefail when grep closes the pipe early.
fonts="$(fc-list : family 2>/dev/null || true)"
grep -qi "Noto Sans CJK" <<<"$fonts" || need_system+=(fonts-noto-cjk)
grep -qi "Noto Serif" <<<"$fonts" || need_system+=(fonts-noto-core)
# CJK fonts with TrueType outlines: Chromium embeds them as real fonts (Noto CJK, OpenType/CFF, only as Type 3).
grep -qi "NanumMyeongjo" <<<"$fonts" || need_system+=(fonts-nanum)
grep -qi "IPAGothic" <<<"$fonts" || need_system+=(fonts-ipafont-gothic)
grep -qi "IPAMincho" <<<"$fonts" || need_system+=(fonts-ipafont-mincho)
grep -qi "WenQuanYi Zen Hei" <<<"$fonts" || need_system+=(fonts-wqy-zenhei)
grep -qi "AR PL UMing" <<<"$fonts" || need_system+=(fonts-arphic-uming)
# Code is set in DejaVu Sans Mono where Noto Sans Mono is missing (Debian's fonts-noto-core has none).
grep -qi "DejaVu Sans Mono" <<<"$fonts" || need_system+=(fonts-dejavu-core)
have pdftotext || need_system+=(poppler-utils)

if [ ${#need_system[@]} -gt 0 ] && [ -z "${SKIP_SYSTEM:-}" ]; then
  if have apt-get; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "setup: installing ${need_system[*]} with apt-get"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_system[@]}" fonts-noto-core fonts-noto-cjk fonts-nanum >/dev/null
  else
    echo "setup: please install ${need_system[*]} (a Chrome/Chromium, Noto CJK and Nanum fonts, poppler's pdftotext) with your package manager" >&2
  fi
fi

echo "setup: installing npm packages"
export PUPPETEER_SKIP_DOWNLOAD=1
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
# npm 11 does not run the prepare script of the root package for `npm ci` in every configuration; compile explicitly.
npm run --silent compile

echo "setup: building the example content into output/"
npm run --silent build
