"""The translator's side of the editor: language versions and the side-by-side view."""
