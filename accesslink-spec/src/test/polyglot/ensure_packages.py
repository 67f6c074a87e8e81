"""Installs, with pip, only the Python packages the polyglot checks need and this interpreter lacks.

Usage: python3 ensure_packages.py MODULE=REQUIREMENT [MODULE=REQUIREMENT ...]
A module counts as present when it imports; `pydantic` must also be version 2 or later.
"""

import importlib
import subprocess
import sys


def present(module: str) -> bool:
    try:
        imported = importlib.import_module(module)
    except ImportError:
        return False
    if module == "pydantic":
        return int(getattr(imported, "VERSION", "1").split(".")[0]) >= 2
    return True


def main(pairs: list[str]) -> int:
    missing = []
    for pair in pairs:
        module, _, requirement = pair.partition("=")
        if not present(module):
            missing.append(requirement or module)
    if not missing:
        return 0
    print("polyglot: installing " + ", ".join(missing), flush=True)
    status = subprocess.call([sys.executable, "-m", "pip", "install", "--quiet", *missing])
    if status != 0:
        print(f"polyglot: pip could not install {', '.join(missing)} into {sys.executable}; install them yourself "
              "or run Maven with -Dpolyglot.python=<an interpreter that has them>", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
