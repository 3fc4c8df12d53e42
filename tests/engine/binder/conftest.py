"""The binder tests run with the Exchange parameter types registered, as every EMS session has
them (registration is process-wide, so doing it here keeps the outcome independent of which
other tests ran first in the same worker)."""

from __future__ import annotations

from emshell.cmdlets.exchange.types import register

register()
