"""siap: turns a Pokja's STPP working papers (YAML) into official Word drafts."""

from __future__ import annotations

__version__ = "0.1.0"
