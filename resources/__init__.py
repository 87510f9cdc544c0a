"""Bundled data: reference units and boundaries, code lists, web assets, translations."""
