"""Per-document context builders and the registry of document ids (docs/dev/kontrak.md)."""
