"""emshell: an Exchange Management Shell emulator for Unified Messaging."""

__version__ = "0.1.0"
