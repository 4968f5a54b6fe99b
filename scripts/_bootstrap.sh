# Sourced by the shell scripts: make .venv (Python 3.11+) and install the project into it.
# `bootstrap EXTRA` installs the project with that extra, again only when pyproject.toml changed.
# `bootstrap` alone installs the project only; an install with any extra already includes it.
bootstrap() {
  local extra="${1:-}" python="${PYTHON:-python3}"
  if [ ! -x .venv/bin/python ]; then
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "error: tmdb-facade needs Python 3.11 or newer as \`$python\` (set PYTHON=...)" >&2
      exit 2
    fi
    echo "creating .venv with $("$python" --version)" >&2
    "$python" -m venv .venv
  fi
  local target=".[$extra]" stamp=".venv/.installed-$extra" enough=(".venv/.installed-$extra")
  if [ -z "$extra" ]; then
    target="." stamp=".venv/.installed" enough=(.venv/.installed .venv/.installed-*)
  fi
  if ! _bootstrap_up_to_date "${enough[@]}"; then
    echo "installing tmdb-facade${extra:+[$extra]} into .venv" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$target"
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
