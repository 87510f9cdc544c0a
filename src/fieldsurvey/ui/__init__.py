"""PySide6 widgets and item models, thin over fieldsurvey.core."""
