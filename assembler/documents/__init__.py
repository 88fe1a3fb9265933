"""Per-document context builders and the registry of document ids (CONTRACT.md)."""
