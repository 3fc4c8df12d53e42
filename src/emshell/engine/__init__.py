"""The interpreter, the binder, the pipeline and error records."""
