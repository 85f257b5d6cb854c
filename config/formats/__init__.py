"""Project format overrides (Django's FORMAT_MODULE_PATH)."""
