"""The form for one language version: every field bound to the editor session."""
