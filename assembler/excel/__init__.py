"""Topics as Excel workbooks: layout from the models, writer, reader with ``Sheet!Cell`` positions.

See docs/dev/excel.md. The rest of the pipeline sees only :class:`assembler.loading.LoadedFile`.
"""
