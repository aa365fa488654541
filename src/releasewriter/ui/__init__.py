"""The desktop editor: the only package that imports Qt. It binds widgets to the core."""

from releasewriter.ui.import_hook import stop_reading_module_sources

stop_reading_module_sources()
