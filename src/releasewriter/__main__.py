from releasewriter.cli import entry

entry()
