import gc

# The command runs without cyclic garbage collection (see releasewriter.cli.entry);
# turned off before the imports too, which would otherwise set off a few collections.
gc.disable()

from releasewriter.cli import entry  # noqa: E402

entry()
