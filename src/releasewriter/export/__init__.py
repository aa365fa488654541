"""Files for people outside the app: DOCX and self-contained HTML, written atomically."""
