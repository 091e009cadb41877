#!/usr/bin/env bash
# Installs ssmap under a prefix, or removes what an install put there. The Makefile calls
# it (`make install`, `make uninstall`); it can be run directly too:
#
#     PREFIX=$HOME/.local bash scripts/install.sh install
#     PREFIX=$HOME/.local bash scripts/install.sh uninstall
#
# PREFIX (default /usr/local) is where ssmap will live; DESTDIR, when set, is put before
# it for staging (a package build), so nothing outside DESTDIR is touched. SCRATCH
# (default .build) is the build directory. What goes where:
#
#     $PREFIX/bin/ssmap                                   the release build
#     $PREFIX/share/ssmap/sample-data/                    the bundled sample (read at run time)
#     $PREFIX/share/man/man1/ssmap.1                      swift-argument-parser's generate-manual plugin
#     $PREFIX/share/bash-completion/completions/ssmap     ssmap --generate-completion-script bash
#     $PREFIX/share/zsh/site-functions/_ssmap             … zsh
#     $PREFIX/share/fish/vendor_completions.d/ssmap.fish  … fish
set -euo pipefail
cd "$(dirname "$0")/.."

action=${1:-install}
prefix=${PREFIX:-/usr/local}
scratch=${SCRATCH:-.build}
if [[ $prefix != /* ]]; then
    # This script runs in the package directory, so a relative prefix would not be
    # where the caller meant.
    echo "install: PREFIX must be an absolute path (got '$prefix')" >&2
    exit 2
fi
root=${DESTDIR:-}$prefix

bin_file=$root/bin/ssmap
# SampleData.swift looks for <directory of the executable>/../share/ssmap/sample-data.
sample_dir=$root/share/ssmap/sample-data
man_file=$root/share/man/man1/ssmap.1
bash_file=$root/share/bash-completion/completions/ssmap
zsh_file=$root/share/zsh/site-functions/_ssmap
fish_file=$root/share/fish/vendor_completions.d/ssmap.fish

install_all() {
    # A no-op when `make build` has just run; otherwise this is the release build.
    swift build -c release --scratch-path "$scratch"
    local built
    built=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/ssmap
    [ -x "$built" ] || { echo "install: no binary at $built" >&2; exit 1; }

    # The plugin builds the package in release (already done) and writes the page into
    # its own work directory; an earlier run's page is removed first, so that a failure
    # here cannot install a stale one.
    local man_page=$scratch/plugins/GenerateManual/outputs/ssmap/ssmap.1
    rm -f "$man_page"
    swift package --scratch-path "$scratch" plugin generate-manual
    [ -s "$man_page" ] || { echo "install: the generate-manual plugin wrote no $man_page" >&2; exit 1; }

    install -d "$root/bin" "$sample_dir" "$(dirname "$man_file")" \
        "$(dirname "$bash_file")" "$(dirname "$zsh_file")" "$(dirname "$fish_file")"
    install -m 755 "$built" "$bin_file"
    # All of sample-data: organisations.csv beside the sample is the list it is checked
    # against (the same list is compiled into the binary for other registers), and
    # reported-arrangements.csv is what `ssmap generate` starts from.
    local file
    for file in sample-data/*; do
        if [ -f "$file" ]; then install -m 644 "$file" "$sample_dir/"; fi
    done
    install -m 644 "$man_page" "$man_file"
    # Written from the installed binary, so they describe exactly what was installed.
    "$bin_file" --generate-completion-script bash >"$bash_file"
    "$bin_file" --generate-completion-script zsh >"$zsh_file"
    "$bin_file" --generate-completion-script fish >"$fish_file"
    chmod 644 "$bash_file" "$zsh_file" "$fish_file"
    echo "install: ssmap installed in $root"
}

uninstall_all() {
    rm -f "$bin_file" "$man_file" "$bash_file" "$zsh_file" "$fish_file"
    rm -rf "$sample_dir"
    # Only directories this install would have made, and only when nothing else is in them.
    rmdir "$root/share/ssmap" 2>/dev/null || true
    echo "install: ssmap removed from $root"
}

case $action in
install) install_all ;;
uninstall) uninstall_all ;;
*)
    echo "usage: scripts/install.sh install|uninstall  (PREFIX, DESTDIR, SCRATCH from the environment)" >&2
    exit 2
    ;;
esac
