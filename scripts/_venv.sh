# Sourced by the scripts in this folder. Creates or updates the project's
# virtual environment from the pinned requirements, so that every command works
# on a fresh machine. Usage: source scripts/_venv.sh site|test
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${HANDBOOK_VENV:-$ROOT/.venv}"
_want="${1:-site}"
_reqs="$ROOT/requirements.txt"
[ "$_want" = test ] && _reqs="$ROOT/requirements-test.txt"

_python="${PYTHON:-python3}"
_digest="$(cat "$ROOT/requirements.txt" "$_reqs" "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
_marker="$VENV/.installed-$_want-$_digest"
if [ ! -e "$_marker" ]; then
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$_python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "error: Python 3.11 or newer is needed (found: $("$_python" --version 2>&1))." >&2
      echo "Install it (Debian: apt-get install python3 python3-venv) or set PYTHON=/path/to/python3.11." >&2
      exit 1
    fi
    echo "Creating the virtual environment in ${VENV#$ROOT/} ..." >&2
    "$_python" -m venv "$VENV"
  fi
  echo "Installing pinned requirements from ${_reqs#$ROOT/} ..." >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$_reqs"
  # The project itself (scripts/handbook, scripts/handbook_site and its MkDocs
  # plugin entry point, scripts/benchmark), editable: an edit takes effect at once.
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e "$ROOT"
  rm -f "$VENV"/.installed-"$_want"-*
  touch "$_marker"
fi
# Pagefind, which builds the search index, from npm (pinned in
# scripts/pagefind/package-lock.json; its extended binary segments Chinese).
_pf="$ROOT/scripts/pagefind"
_pf_marker="$_pf/node_modules/.installed-$(sha256sum < "$_pf/package-lock.json" | cut -c1-16)"
if [ ! -e "$_pf_marker" ]; then
  if ! command -v npm >/dev/null; then
    echo "error: building the search index needs Node.js and npm (Debian: sudo apt-get install nodejs npm)." >&2
    exit 1
  fi
  echo "Installing Pagefind (the search index builder) from scripts/pagefind/package-lock.json ..." >&2
  npm ci --prefix "$_pf" --no-audit --no-fund --loglevel=error >&2
  touch "$_pf_marker"
fi
unset _pf _pf_marker
# The site generator's module. ProperDocs, a drop-in MkDocs 1.x fork that runs
# these hooks, is a one-line switch: replace mkdocs in requirements.txt with
# properdocs and set HANDBOOK_MKDOCS=properdocs.
export HANDBOOK_MKDOCS="${HANDBOOK_MKDOCS:-mkdocs}"
# Material prints an end-of-life notice on every build; README covers the plan.
export NO_MKDOCS_2_WARNING=1
unset _want _reqs _python _digest _marker
