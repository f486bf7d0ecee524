"""Amounts in Dutch notation, on pages, in reports and in commands: "€ 1.700,00"."""

from __future__ import annotations

from decimal import Decimal

_DUTCH = str.maketrans(",.", ".,")


def euro(amount: Decimal | float | int) -> str:
    return f"€ {Decimal(str(amount)):,.2f}".translate(_DUTCH)
