#!/bin/sh
# Print the path of a bats-core executable: the one on PATH, or one that
# this script installs from npm into the git-ignored .deps/ folder.  The
# package's own bin/bats is used, since npm may be set not to link bins.
if command -v bats >/dev/null 2>&1; then
	command -v bats
	exit 0
fi
local=.deps/node_modules/bats/bin/bats
if [ ! -x "$local" ]; then
	echo "bats not found; installing the npm package bats into .deps/" >&2
	npm install --prefix .deps --no-save --no-audit --no-fund bats >&2 ||
		{ echo "could not install bats with npm" >&2; exit 2; }
	[ -x "$local" ] || { echo "npm installed no $local" >&2; exit 2; }
fi
echo "$PWD/$local"
