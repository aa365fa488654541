"""The desktop editor: the only package that imports Qt. It binds widgets to the core."""
