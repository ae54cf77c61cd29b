#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (Chromium for browser tests, LibreOffice and
# poppler for rendering checks, CJK fonts so Chinese text renders, PostgreSQL for the template
# library's contract tests — the tests run its binaries from /usr/lib/postgresql/<n>/bin in a
# temporary cluster, never the system service) when any is missing.
# As root it installs them; otherwise it stops and prints the exact command to run.
set -euo pipefail

PACKAGES=(chromium libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming postgresql)

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then missing+=(fonts-noto-cjk); fi
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PACKAGES[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "缺少测试所需的系统软件包（${missing[*]}）。请先运行：sudo sh -c '$cmd'" >&2
  exit 1
fi
echo "Installing system packages for the tests: ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
