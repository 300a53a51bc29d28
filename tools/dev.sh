#!/usr/bin/env bash
# Topograph developer entry point (the README's two commands):
#   tools/dev.sh demo   install what is missing, build, and run Topograph on its demo incident
#   tools/dev.sh test   install what is missing, build, and run the whole test suite
# Works on a fresh Debian 12 as root with only Debian's archive reachable; re-running is fast
# (packages are checked with dpkg before apt is touched; the build is incremental).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TOPOGRAPH_BUILD_DIR:-$here/build/dev}
build_type=${TOPOGRAPH_BUILD_TYPE:-RelWithDebInfo}

packages=(build-essential cmake ninja-build pkgconf file
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite qt6-qpa-plugins
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  libgraphviz-dev graphviz libsqlite3-dev libsimdjson-dev
  xvfb xauth x11-utils fonts-dejavu-core poppler-utils)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "==> installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  # Graphviz finds its layout plugins through a config file that some installs lack.
  if [ ! -s /usr/lib/x86_64-linux-gnu/graphviz/config6a ] && command -v dot >/dev/null; then
    [ "$(id -u)" -eq 0 ] && dot -c || true
  fi
}

build() {
  if [ ! -f "$build_dir/build.ninja" ]; then
    cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" \
      -DTOPOGRAPH_FIXTURES_DIR="$here/../shared/fixtures"
  fi
  cmake --build "$build_dir" -j "$(nproc)"
}

case "${1:-}" in
  demo)
    install_missing
    build
    shift
    exec "$build_dir/app/topograph" "$@"
    ;;
  test)
    install_missing
    build
    cd "$build_dir"
    exec ctest --output-on-failure -LE bench -j "$(nproc)"
    ;;
  *)
    echo "usage: tools/dev.sh demo|test" >&2
    exit 1
    ;;
esac
