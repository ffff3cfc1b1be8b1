"""The analysts' workspace."""
