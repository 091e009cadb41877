# ssmap as an installed tool. scripts/install.sh does the work and says what goes where.
#
#     make build                        the release build
#     make install                      into /usr/local (as root)
#     make install PREFIX=$$HOME/.local anywhere else
#     make uninstall [PREFIX=…]
#
# DESTDIR stages an install for packaging; SCRATCH is the build directory.
PREFIX ?= /usr/local
DESTDIR ?=
SCRATCH ?= .build

.PHONY: build install uninstall

build:
	swift build -c release --scratch-path "$(SCRATCH)"

install: build
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" SCRATCH="$(SCRATCH)" bash scripts/install.sh install

uninstall:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash scripts/install.sh uninstall
