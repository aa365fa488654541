"""Bringing releases in: Word documents, web pages and plain text become drafts.

Reading (``docx_reader``, ``html_reader``, ``text_reader``; ``reading`` picks
one by a file's content, ``limits`` guards them all) turns a file into
:class:`~releasewriter.importing.blocks.SourceBlock` lines; recognising turns
those lines into a release's fields and keeps what it could not place.
Nothing here imports Qt.
"""
