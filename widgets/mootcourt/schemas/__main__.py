"""`python -m mootcourt.schemas` regenerates the committed JSON Schemas."""

from . import GENERATORS, write_all

write_all()
print(f"wrote {', '.join(GENERATORS)}")
