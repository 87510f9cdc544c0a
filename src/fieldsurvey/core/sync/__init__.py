"""Sync through packages: the signed, encrypted container, export, import (checked whole
before anything is written), merging, key rotation and what each peer may see."""
