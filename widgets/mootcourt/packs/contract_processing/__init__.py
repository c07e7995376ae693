"""The contract/processing pack's Python: the remedy step (`issues.py`)."""
