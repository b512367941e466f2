"""Fiscal calendars: which fiscal quarter a date or a quarter mention falls in.

A calendar is the month its fiscal year ends in and how the company names the
year: ``end`` (Apple's year ending September 2024 is fiscal 2024) or ``start``
(most US retailers call the year ending January 2024 fiscal 2023).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class FiscalCalendar:
    end_month: int = 12
    naming: str = "end"  # "end" | "start"

    @staticmethod
    def default(end_month: int = 12) -> FiscalCalendar:
        """The guide's rule for unknown companies: named by the year it ends in, or the year
        before for a year ending in January (or early February)."""
        return FiscalCalendar(end_month, "start" if end_month in (1, 2) else "end")

    def _end_year(self, fiscal_year: int) -> int:
        """Calendar year in which fiscal year ``fiscal_year`` ends."""
        return fiscal_year if self.naming == "end" else fiscal_year + 1

    def quarter_end(self, fiscal_year: int, quarter: int) -> dt.date:
        """Last day of the month in which the fiscal quarter ends."""
        month = self.end_month - 3 * (4 - quarter)
        year = self._end_year(fiscal_year)
        while month <= 0:
            month += 12
            year -= 1
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    def quarter_of_month(self, year: int, month: int) -> tuple[int, int]:
        """(fiscal year, quarter) of the fiscal quarter containing calendar ``month`` of ``year``."""
        offset = (month - self.end_month - 1) % 12  # months since the fiscal year began
        quarter = offset // 3 + 1
        end_year = year if month <= self.end_month else year + 1
        fiscal_year = end_year if self.naming == "end" else end_year - 1
        return fiscal_year, quarter

    def latest_ended(self, on: dt.date, min_days: int = 14) -> tuple[int, int]:
        """The latest fiscal quarter that ended at least ``min_days`` before ``on``."""
        cutoff = on - dt.timedelta(days=min_days)
        fy, q = self.quarter_of_month(cutoff.year, cutoff.month)
        while self.quarter_end(fy, q) > cutoff:
            fy, q = (fy, q - 1) if q > 1 else (fy - 1, 4)
        return fy, q

    def nearest(self, quarter: int, on: dt.date) -> int:
        """Fiscal year of the quarter numbered ``quarter`` whose end lies nearest ``on``."""
        fy, _ = self.quarter_of_month(on.year, on.month)
        return min((fy - 1, fy, fy + 1), key=lambda y: abs((self.quarter_end(y, quarter) - on).days))

    def reported_or_next(self, quarter: int, on: dt.date, lag_days: int) -> int:
        """Fiscal year of the quarter numbered ``quarter`` that a yearless mention on ``on`` names: the latest one
        ended no more than ``lag_days`` before (its results are the news), else the next one to end."""
        fy, _ = self.quarter_of_month(on.year, on.month)
        ended = [y for y in (fy - 2, fy - 1, fy, fy + 1) if self.quarter_end(y, quarter) <= on]
        last = max(ended)
        if (on - self.quarter_end(last, quarter)).days <= lag_days:
            return last
        return last + 1
