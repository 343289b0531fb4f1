"""Readers and writers."""
from .readers import DEFAULT_MAX_BYTES, ReadError, Source, decode_bytes, iter_input_paths, read_sources
from .writers import TABLES, atomic_output, make_writer, table_rows

__all__ = ["Source", "ReadError", "decode_bytes", "read_sources", "iter_input_paths", "DEFAULT_MAX_BYTES",
           "TABLES", "atomic_output", "make_writer", "table_rows"]
