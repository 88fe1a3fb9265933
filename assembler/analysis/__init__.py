"""Analyses computed from validated inputs; never typed by users."""
