"""Regenerate the published schema files in schemas/ from eventcoder/schemas.py."""

from __future__ import annotations

import sys
from pathlib import Path

from eventcoder.schemas import write_schema_files

if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "schemas"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    for path in write_schema_files(folder):
        print(f"wrote {path}")
