import sys
from pathlib import Path

# tests import their factories as `tests.factories`; make the repository root importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
