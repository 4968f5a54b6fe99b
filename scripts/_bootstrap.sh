# Sourced by the shell scripts: make .venv (Python 3.11+) and install the project into it,
# editable, again only when pyproject.toml changed since the last install.
#   bootstrap --group NAME   with a PEP 735 dependency group of pyproject.toml (dev, bench)
#   bootstrap --extra NAME   with an extra, as users get it (cli)
# The dev group holds everything the others install (the bench group, the cli extra's rich),
# so after scripts/test no other script installs anything: tests/test_demo.py relies on it.
bootstrap() {
  local kind="${1:-}" name="${2:-}" python="${PYTHON:-python3}" target
  case "$kind" in
    --group) target=(-e . --group "pyproject.toml:$name") ;;
    --extra) target=(-e ".[$name]") ;;
    *)
      echo "usage: bootstrap --group NAME | --extra NAME" >&2
      exit 2
      ;;
  esac
  if [ ! -x .venv/bin/python ]; then
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "error: tmdb-facade needs Python 3.11 or newer as \`$python\` (set PYTHON=...)" >&2
      exit 2
    fi
    echo "creating .venv with $("$python" --version)" >&2
    "$python" -m venv .venv
  fi
  local stamp=".venv/.installed-${kind#--}-$name"
  if ! _bootstrap_up_to_date "$stamp" .venv/.installed-group-dev; then
    echo "installing tmdb-facade with its $name ${kind#--} into .venv" >&2
    # `pip install --group` is new in pip 25.1.
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check "${target[@]}"
    touch "$stamp"
  fi
  export PATH="$PWD/.venv/bin:$PATH"
}

# True when one of these install stamps exists and pyproject.toml has not changed since.
_bootstrap_up_to_date() {
  local stamp
  for stamp in "$@"; do
    if [ -f "$stamp" ] && ! [ pyproject.toml -nt "$stamp" ]; then
      return 0
    fi
  done
  return 1
}
