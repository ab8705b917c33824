"""Word round trip: the marks in a draft, reading a draft back, merging it into the answer file.

``marks`` is the vocabulary that the builder writes and the importer reads; ``docxread``
opens an untrusted .docx safely; ``reader`` finds the marked parts; ``merge`` is the
three-way merge over the model; ``importer`` puts them together for the command and
the wizard. Importing this package loads nothing heavy.
"""
