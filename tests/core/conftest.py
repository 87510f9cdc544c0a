"""Fixtures of the office's tests (see office_helpers.py), for every module here."""

from office_helpers import usb, workspaces  # noqa: F401  (fixtures, found by name)
