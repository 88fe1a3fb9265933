"""Generators of the shipped .docx templates: one module per template, the style kit in ``kit``."""
