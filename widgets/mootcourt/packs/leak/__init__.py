"""The leak pack's Python: the five issue tests (`issues.py`) and their helpers."""
